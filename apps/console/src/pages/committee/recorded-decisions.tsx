/** The committee's decisions on this cycle, as recorded: read-only, with their motivation and date. */
import { List, Text } from '@mantine/core';
import type { CandidacyState } from '@qualicoop/domain';
import type { CandidacyView } from '../../api/types';
import { dateTimeFr } from '../../format';

interface Recorded {
  what: string;
  outcome: string;
  motivation?: string;
  at: string;
}

const AWARD = { granted: 'label octroyé', extension: 'prolongation de la mise en œuvre', refused: 'label refusé' };

function recorded(s: CandidacyState): Recorded[] {
  const out: Recorded[] = [];
  if (s.completeness)
    out.push({
      what: 'Complétude du dossier',
      outcome: s.completeness.complete
        ? 'dossier complet'
        : `dossier incomplet ; éléments manquants : ${s.completeness.missing.join(' ; ')}`,
      at: s.completeness.at,
    });
  if (s.admissibility)
    out.push({
      what: 'Admissibilité',
      outcome: s.admissibility.outcome === 'admissible' ? 'dossier admissible' : 'dossier non admissible',
      motivation: s.admissibility.motivation,
      at: s.admissibility.at,
    });
  if (s.award)
    out.push({
      what: 'Octroi du label',
      outcome: AWARD[s.award.outcome],
      motivation: s.award.motivation,
      at: s.award.at,
    });
  if (s.renewal?.decidedAt)
    out.push({
      what: 'Renouvellement',
      outcome: s.renewal.refused ? 'renouvellement refusé' : 'label renouvelé',
      at: s.renewal.decidedAt,
    });
  return out;
}

export function RecordedDecisions({ c }: { c: CandidacyView }) {
  const decisions = recorded(c.state);
  const midTerm = c.state.label?.midTerm.decided;
  return (
    <section aria-labelledby="decisions">
      <h2 id="decisions" className="section-title">
        Décisions du comité de validation (cycle {c.cycle})
      </h2>
      {decisions.length === 0 && !midTerm ? (
        <Text>Le comité n&apos;a encore rien décidé sur ce cycle.</Text>
      ) : (
        <List spacing="sm">
          {decisions.map((d) => (
            <List.Item key={d.what}>
              <Text>
                <strong>{d.what}</strong> : {d.outcome}, le {dateTimeFr(d.at)}.
              </Text>
              {d.motivation && <Text fz="sm">Motivation : {d.motivation}</Text>}
            </List.Item>
          ))}
          {midTerm && (
            <List.Item>
              <Text>
                <strong>Point à mi-parcours</strong> : {midTerm === 'confirmed' ? 'label confirmé' : 'label retiré'}.
              </Text>
            </List.Item>
          )}
        </List>
      )}
    </section>
  );
}
