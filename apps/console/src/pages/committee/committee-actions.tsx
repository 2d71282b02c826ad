/** What a committee member does on a candidacy: the decision due in its session, or the visit assigned to them. */
import { Alert, Button } from '@mantine/core';
import { Link } from 'react-router';
import { dueDecision, formatDateFr } from '@qualicoop/domain';
import type { CandidacyView } from '../../api/types';
import { DecisionForm } from './decision-form';

export function CommitteeActions({ c, memberId }: { c: CandidacyView; memberId: string }) {
  const due = dueDecision(c.state);
  // A new key per decision and session: the form starts from that decision's own draft.
  if (due) return <DecisionForm key={`${due.command}:${due.sessionId}`} c={c} due={due} />;
  const visit = c.state.visit;
  if (c.stage === 'visit_scheduled' && visit?.visitorId === memberId && !visit.report)
    return (
      <Alert color="blue" title="Visite qui vous est confiée">
        La Fédération vous a confié la visite de cette coopérative le {formatDateFr(visit.date)}.
        <Button
          component={Link}
          to={`/candidatures/${c.id}/compte-rendu-de-visite`}
          display="block"
          mt="sm"
          w="fit-content"
        >
          Rédiger le compte rendu de visite
        </Button>
      </Alert>
    );
  return null;
}
