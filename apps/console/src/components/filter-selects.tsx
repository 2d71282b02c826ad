/** The choices the Fédération's lists filter by: a stage, a cooperative of the register. */
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { STAGE_LABELS_FR } from '@qualicoop/domain';
import { answer, api } from '../api/client';
import { capitalised } from '../format';
import { ProblemAlert } from './problem-alert';

interface FilterProps {
  value: string | null;
  onChange: (value: string | null) => void;
}

const STAGE_OPTIONS = Object.entries(STAGE_LABELS_FR).map(([value, label]) => ({ value, label: capitalised(label) }));

export function StageSelect({ value, onChange }: FilterProps) {
  return (
    <Select
      label="Étape"
      placeholder="Toutes les étapes"
      clearable
      data={STAGE_OPTIONS}
      value={value}
      onChange={onChange}
      w={260}
    />
  );
}

export function useCooperatives() {
  return useQuery({
    queryKey: ['cooperatives'],
    queryFn: () => answer<Array<{ id: string; name: string }>>(api.GET('/cooperatives')),
  });
}

export function CooperativeSelect({ value, onChange }: FilterProps) {
  const cooperatives = useCooperatives();
  return (
    <>
      <Select
        label="Coopérative"
        placeholder="Toutes les coopératives"
        clearable
        searchable
        nothingFoundMessage="Aucune coopérative de ce nom"
        data={(cooperatives.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        value={value}
        onChange={onChange}
        w={300}
      />
      <ProblemAlert error={cooperatives.error} title="La liste des coopératives n'a pas pu être chargée" />
    </>
  );
}
