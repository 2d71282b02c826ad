/** Query parameters of the read endpoints. Unknown parameters are refused (global ValidationPipe). */
import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';
import { isCivilDate, Stage, STAGES } from '@qualicoop/domain';

/** `?stage=a,b` and `?stage=a&stage=b` both give ['a', 'b']. */
const toList = ({ value }: { value: unknown }) =>
  Array.isArray(value) || typeof value === 'string'
    ? ([] as unknown[])
        .concat(value)
        .flatMap((v) => (typeof v === 'string' ? v.split(',') : [v]))
        .map((v) => (typeof v === 'string' ? v.trim() : v))
        .filter((v) => v !== '')
    : value;

/** Only the words true and false are booleans; anything else fails validation. */
const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** `limit` of a paginated read: an integer from 1 to `max`, French messages. */
const PageLimit = (max: number, byDefault: number, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 1, maximum: max, default: byDefault, ...(description ? { description } : {}) }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message: 'limit : nombre entier attendu' }),
    Min(1, { message: 'limit : 1 au moins' }),
    Max(max, { message: `limit : ${max} au plus` }),
  );

/** `offset` of a paginated read. */
const PageOffset = () =>
  applyDecorators(
    ApiPropertyOptional({ minimum: 0, default: 0 }),
    IsOptional(),
    Type(() => Number),
    IsInt({ message: 'offset : nombre entier attendu' }),
    Min(0, { message: 'offset : 0 au moins' }),
    Max(1_000_000, { message: 'offset : 1 000 000 au plus' }),
  );

export const SESSION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

/** `stage`: one stage or several, comma-separated. */
const StageFilter = () =>
  applyDecorators(
    ApiPropertyOptional({
      description: `One stage or several, comma-separated: ${STAGES.join(', ')}`,
      example: 'on_agenda,under_review',
      type: String,
    }),
    IsOptional(),
    Transform(toList),
    IsArray({ message: 'stage : étape ou liste d’étapes séparées par des virgules attendue' }),
    ArrayMinSize(1, { message: 'stage : au moins une étape attendue' }),
    ArrayMaxSize(STAGES.length, { message: `stage : ${STAGES.length} étapes au plus` }),
    IsIn(STAGES, { each: true, message: `stage : étape inconnue ; valeurs possibles : ${STAGES.join(', ')}` }),
  );

const CooperativeFilter = () =>
  applyDecorators(
    ApiPropertyOptional({ example: 'coop-nord' }),
    IsOptional(),
    IsString({ message: 'cooperativeId : texte attendu' }),
    Matches(/^[a-z0-9-]{3,64}$/, { message: 'cooperativeId : identifiant de coopérative invalide' }),
  );

const OverdueFilter = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ description, type: Boolean }),
    IsOptional(),
    Transform(toBoolean),
    IsBoolean({ message: 'overdue : true ou false attendu' }),
  );

export class ListCandidaciesQuery {
  @StageFilter()
  stage?: Stage[];

  @ApiPropertyOptional({ description: "On this committee session's agenda", example: 'session-2026-09' })
  @IsOptional()
  @IsString({ message: 'sessionId : texte attendu' })
  @Matches(SESSION_ID, { message: 'sessionId : identifiant de séance invalide' })
  sessionId?: string;

  @CooperativeFilter()
  cooperativeId?: string;

  @OverdueFilter('true: next deadline past or a checkpoint report overdue; false: neither')
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'The label expires within N months', minimum: 0, maximum: 120, example: 6 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'labelExpiringWithinMonths : nombre entier de mois attendu' })
  @Min(0, { message: 'labelExpiringWithinMonths : 0 au moins' })
  @Max(120, { message: 'labelExpiringWithinMonths : 120 au plus' })
  labelExpiringWithinMonths?: number;

  @ApiPropertyOptional({
    description: 'false (default): open candidacies; true: closed ones',
    type: Boolean,
    default: false,
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'closed : true ou false attendu' })
  closed?: boolean;

  @PageLimit(100, 20)
  limit?: number;

  @PageOffset()
  offset?: number;
}

export class InboxQuery {
  @ApiPropertyOptional({ description: "One candidacy's items only", format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'candidacyId : identifiant de candidature invalide' })
  candidacyId?: string;

  @StageFilter()
  stage?: Stage[];

  @CooperativeFilter()
  cooperativeId?: string;

  @ApiPropertyOptional({
    description: 'Items due on or before this day (Paris time), inclusive; items without a due date are left out',
    example: '2027-06-30',
  })
  @IsOptional()
  @ValidateBy(
    { name: 'isCivilDate', validator: { validate: (v: unknown) => typeof v === 'string' && isCivilDate(v) } },
    { message: 'dueUntil : date attendue (AAAA-MM-JJ)' },
  )
  dueUntil?: string;

  @OverdueFilter('true: only items past their due date; false: only the others')
  overdue?: boolean;

  @PageLimit(500, 100, 'Items per page (items sorted by due date)')
  limit?: number;

  @PageOffset()
  offset?: number;
}
