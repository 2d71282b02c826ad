/** The 3 axes and their 12 engagements: choose at least 8 (2 per axis), each with its indicators. */
import { Button, Checkbox, Fieldset, Stack, Text } from '@mantine/core';
import { CURRENT_REFERENTIAL, type Dossier } from '@qualicoop/domain';
import { GroupError, groupOf, type DossierErrors } from './dossier-errors';
import { fieldId } from './field-id';
import { IndicatorFields } from './indicator-fields';

type Edit = (change: (d: Dossier) => void) => void;

export function EngagementsFields(props: { dossier: Dossier; edit: Edit; errors: DossierErrors }) {
  const { dossier, edit, errors } = props;
  const chosen = dossier.engagements ?? [];
  const indexOf = (engagementId: string) => chosen.findIndex((c) => c.engagementId === engagementId);
  const toggle = (engagementId: string, on: boolean) =>
    edit((d) => {
      const list = (d.engagements ??= []);
      const at = list.findIndex((c) => c.engagementId === engagementId);
      if (on && at < 0) list.push({ engagementId, indicators: [{ actionPlan: [{}] }] });
      if (!on && at >= 0) list.splice(at, 1);
    });
  return (
    <Stack gap="lg" role="group" aria-labelledby="engagements" {...groupOf('engagements', errors)}>
      <GroupError path="engagements" errors={errors} />
      {CURRENT_REFERENTIAL.axes.map((axis) => (
        <Fieldset
          key={axis.id}
          {...groupOf(`engagements.axis.${axis.id}`, errors)}
          legend={
            <>
              Axe {axis.id} — {axis.title}
            </>
          }
        >
          <Text fz="sm" c="dimmed" mb="md">
            {axis.subtitle}
          </Text>
          <GroupError path={`engagements.axis.${axis.id}`} errors={errors} />
          <Stack gap="lg">
            {CURRENT_REFERENTIAL.engagements
              .filter((e) => e.axis === axis.id)
              .map((e) => {
                const i = indexOf(e.id);
                const choice = i >= 0 ? chosen[i] : undefined;
                const path = `engagements[${i}]`;
                return (
                  <Stack key={e.id} gap="sm">
                    <Checkbox
                      id={fieldId(`engagement.${e.id}`)}
                      label={`${e.id} — ${e.title}`}
                      description={e.guidance}
                      checked={choice !== undefined}
                      onChange={(ev) => toggle(e.id, ev.currentTarget.checked)}
                      styles={{ label: { fontWeight: 600 } }}
                    />
                    {choice && (
                      <Stack
                        gap="sm"
                        pl="xl"
                        role="group"
                        aria-label={`Indicateurs de l'engagement ${e.id}`}
                        {...groupOf(`${path}.indicators`, errors)}
                      >
                        <GroupError path={`${path}.indicators`} errors={errors} />
                        {(choice.indicators ?? []).map((ind, j) => (
                          <IndicatorFields
                            key={j}
                            indicator={ind}
                            path={`${path}.indicators[${j}]`}
                            label={`${e.id} — indicateur ${j + 1}`}
                            edit={edit}
                            errors={errors}
                            at={(d) => d.engagements![i]!.indicators![j]!}
                            onRemove={() => edit((d) => d.engagements![i]!.indicators!.splice(j, 1))}
                          />
                        ))}
                        <Button
                          variant="light"
                          style={{ alignSelf: 'flex-start' }}
                          onClick={() =>
                            edit((d) => {
                              const c = d.engagements![i]!;
                              c.indicators = [...(c.indicators ?? []), { actionPlan: [{}] }];
                            })
                          }
                        >
                          Ajouter un indicateur à l&apos;engagement {e.id}
                        </Button>
                      </Stack>
                    )}
                  </Stack>
                );
              })}
          </Stack>
        </Fieldset>
      ))}
    </Stack>
  );
}
