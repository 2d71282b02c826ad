import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { fieldMessage } from './validation-messages';
import { AwardDto, HelpRequestDto, ProgressReportDto } from '../candidacies/actions.dto';
import { frenchTextProblems } from '@qualicoop/domain';

/** Every field error of a body, as a person reads it. */
async function messagesFor(dto: new () => object, body: object): Promise<string[]> {
  const errors = await validate(plainToInstance(dto, body), { whitelist: true });
  const walk = (e: (typeof errors)[number], prefix = ''): string[] => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    return [
      ...Object.entries(e.constraints ?? {}).map(([rule, m]) => fieldMessage(rule, field, m)),
      ...(e.children ?? []).flatMap((c) => walk(c, field)),
    ];
  };
  return errors.flatMap((e) => walk(e));
}

describe('field errors a person reads', () => {
  it('gives a French sentence for a limit written without a message (maximum length)', async () => {
    expect(await messagesFor(HelpRequestDto, { question: 'x'.repeat(5001) })).toEqual([
      'question : 5000 caractères au plus',
    ]);
  });

  it('keeps the French message a rule carries', async () => {
    expect(await messagesFor(HelpRequestDto, { question: 'x' })).toEqual(['question : texte obligatoire']);
  });

  it('translates bounds, lists and nested rules, each a clean French sentence', async () => {
    const messages = [
      ...(await messagesFor(AwardDto, {
        sessionId: 's',
        motivation: 'Motivée',
        outcome: 'extension',
        extensionMonths: 13,
      })),
      ...(await messagesFor(ProgressReportDto, {
        checkpoint: 6,
        indicators: [{ engagementId: 'A1', indicatorName: 'x'.repeat(301), value: 1 }],
        actions: [{ action: 'a', status: 'started' }],
        comment: 'c',
      })),
    ];
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m).not.toMatch(/\b(must|should|characters|following)\b/);
      expect(frenchTextProblems(m)).toEqual([]);
    }
    expect(messages).toContain('extensionMonths : valeur supérieure au maximum (12)');
  });
});
