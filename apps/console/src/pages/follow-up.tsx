/**
 * After admissibility: the checkpoints of the implementation period and the label (its dates,
 * the mid-term report, the renewal), each with what is due, by when, and where to act.
 */
import { Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { renewalWindowOpensAt } from '@qualicoop/domain';
import type { CandidacyView } from '../api/types';
import { dateFr, dateTimeFr, dueFr } from '../format';

const passed = (instant: string) => Date.now() >= Date.parse(instant);

export function Checkpoints({ c, coop }: { c: CandidacyView; coop: boolean }) {
  const checkpoints = c.state.checkpoints ?? [];
  if (checkpoints.length === 0) return null;
  const implementing = c.stage === 'implementation';
  return (
    <section aria-labelledby="points-etape">
      <h2 id="points-etape" className="section-title">
        Points d&apos;étape
      </h2>
      <List spacing="sm">
        {checkpoints.map((cp) => {
          const link = `/candidatures/${c.id}/points-etape/${cp.checkpoint}`;
          const status = cp.reportFiledAt
            ? `bilan déposé le ${dateTimeFr(cp.reportFiledAt)} ; ${cp.advice ? 'avis de la Fédération reçu' : 'avis de la Fédération en attente'}.`
            : !implementing
              ? 'aucun bilan déposé pendant la période de mise en œuvre.'
              : cp.overdue || passed(cp.deadline.dueAt)
                ? `bilan en retard : il était attendu au plus tard le ${dueFr(cp.deadline.dueAt)}.`
                : passed(cp.opensAt)
                  ? `bilan à déposer au plus tard le ${dueFr(cp.deadline.dueAt)}.`
                  : `bilan à déposer entre le ${dueFr(cp.opensAt)} et le ${dueFr(cp.deadline.dueAt)}.`;
          const act = coop && implementing && !cp.reportFiledAt && passed(cp.opensAt);
          return (
            <List.Item key={cp.checkpoint}>
              <Text>
                <strong>Point d&apos;étape à {cp.checkpoint} mois</strong> : {status}{' '}
                {(act || cp.reportFiledAt) && (
                  <Anchor component={Link} to={link}>
                    {act ? `Déposer le bilan à ${cp.checkpoint} mois` : `Voir le bilan à ${cp.checkpoint} mois`}
                  </Anchor>
                )}
              </Text>
            </List.Item>
          );
        })}
      </List>
    </section>
  );
}

export function Label({ c, coop }: { c: CandidacyView; coop: boolean }) {
  const label = c.state.label;
  if (!label) return null;
  const { midTerm } = label;
  const renewalOpensAt = renewalWindowOpensAt(label, c.state);
  const renewal = c.state.renewal;
  const preparing = coop && (c.stage === 'labelled' || c.stage === 'mid_term_review') && !renewal?.refused;
  return (
    <section aria-labelledby="label">
      <h2 id="label" className="section-title">
        Label Quali&apos;Coop — cycle {c.cycle}
      </h2>
      <Text mb="sm">
        Label octroyé le {dateFr(label.grantedAt)}, valable du {dateFr(label.startsOn)} au{' '}
        {dueFr(label.expiresOn.dueAt)}.
      </Text>
      <List spacing="sm">
        <List.Item>
          <Text>
            <strong>Bilan à mi-parcours</strong> :{' '}
            {midTerm.decided === 'confirmed'
              ? 'déposé ; le comité de validation a confirmé le label.'
              : midTerm.reportFiledAt
                ? `déposé le ${dateTimeFr(midTerm.reportFiledAt)} ; en attente de l'examen du comité.`
                : `à déposer au plus tard le ${dueFr(midTerm.deadline.dueAt)}.`}{' '}
            <Anchor component={Link} to={`/candidatures/${c.id}/mi-parcours`}>
              {coop && c.stage === 'labelled' && !midTerm.reportFiledAt
                ? 'Déposer le bilan à mi-parcours'
                : 'Voir le bilan à mi-parcours'}
            </Anchor>
          </Text>
        </List.Item>
        <List.Item>
          <Text>
            <strong>Renouvellement</strong> :{' '}
            {renewal?.refused
              ? `refusé par le comité ; le label prend fin le ${dueFr(label.expiresOn.dueAt)}.`
              : renewal
                ? `demandé le ${dateTimeFr(renewal.requestedAt)} ; le comité de validation l'examinera à sa prochaine séance.`
                : passed(renewalOpensAt)
                  ? `à demander avant le ${dueFr(label.expiresOn.dueAt)}.`
                  : `à demander entre le ${dueFr(renewalOpensAt)} et le ${dueFr(label.expiresOn.dueAt)} ; le dossier de renouvellement peut se préparer dès maintenant.`}{' '}
            {(preparing || renewal) && (
              <Anchor component={Link} to={`/candidatures/${c.id}/renouvellement`}>
                {preparing ? 'Préparer le dossier de renouvellement' : 'Voir le dossier de renouvellement'}
              </Anchor>
            )}
          </Text>
        </List.Item>
      </List>
    </section>
  );
}
