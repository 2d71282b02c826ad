/**
 * What is left before the dossier can be filed: the server's own rules, checked as one types. The
 * live summary of the form; after an attempt to file, each point is also shown at its field.
 */
import { Alert, Anchor, List, Text } from '@mantine/core';
import type { DossierBreach } from '@qualicoop/domain';
import { fieldId } from './field-id';

/** `renewal`: the dossier goes with a renewal request rather than a first filing. */
export function Checklist({ breaches, renewal = false }: { breaches: DossierBreach[]; renewal?: boolean }) {
  return (
    <section aria-labelledby="avant-depot">
      <h2 id="avant-depot" className="section-title">
        {renewal ? 'Avant de demander le renouvellement' : 'Avant de déposer le dossier'}
      </h2>
      {breaches.length === 0 ? (
        <Alert color="green" title="Le dossier est complet">
          {renewal
            ? 'Toutes les règles de la démarche sont respectées : le dossier peut accompagner la demande de renouvellement.'
            : 'Toutes les règles de la démarche sont respectées : vous pouvez déposer le dossier.'}
        </Alert>
      ) : (
        <>
          <Text mb="xs">
            {breaches.length === 1
              ? 'Il reste 1 point à compléter :'
              : `Il reste ${breaches.length} points à compléter :`}
          </Text>
          <List spacing={4}>
            {breaches.map((b) => (
              <List.Item key={`${b.field}:${b.code}`}>
                <Anchor href={`#${fieldId(b.field)}`}>{b.message}</Anchor>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </section>
  );
}
