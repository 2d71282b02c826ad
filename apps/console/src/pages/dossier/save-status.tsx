/** Where the draft stands (saving, saved at…, failed), announced politely to screen readers. */
import { Group, Loader, Text } from '@mantine/core';
import { timeFr } from '../../format';
import type { SaveState } from './use-dossier-draft';

export function SaveStatus({ save }: { save: SaveState }) {
  const text =
    save.state === 'saving'
      ? 'Enregistrement…'
      : save.state === 'unsaved'
        ? 'Modifications non enregistrées (enregistrement automatique dans quelques secondes)'
        : save.state === 'failed'
          ? "L'enregistrement n'a pas abouti : vos saisies sont conservées dans ce navigateur."
          : save.at
            ? `Enregistré à ${timeFr(save.at)}`
            : save.version
              ? `Version ${save.version} enregistrée`
              : 'Aucun brouillon enregistré pour le moment';
  return (
    <Group gap="xs" role="status" aria-live="polite">
      {save.state === 'saving' && <Loader size="xs" />}
      <Text fz="sm">{text}</Text>
    </Group>
  );
}
