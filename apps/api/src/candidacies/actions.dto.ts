/** Bodies of the actors' actions. Unknown fields are refused (global ValidationPipe). */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { VISIT_FINDINGS, type VisitFinding } from '@qualicoop/domain';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ReasonDto {
  @ApiProperty({ example: 'La coopérative suspend sa démarche.' })
  @IsString({ message: 'reason : texte attendu' })
  @MinLength(3, { message: 'reason : motif obligatoire' })
  @MaxLength(2000)
  reason!: string;
}

export class DecisionDto {
  @ApiProperty({ example: 'session-2027-03', description: 'The committee session in which the decision is taken' })
  @IsString({ message: 'sessionId : texte attendu' })
  sessionId!: string;

  @ApiProperty({ example: 'Dossier complet et engagements étayés.' })
  @IsString({ message: 'motivation : texte attendu' })
  @MinLength(3, { message: 'motivation : la décision doit être motivée' })
  @MaxLength(5000)
  motivation!: string;
}

export class CompletenessDto extends DecisionDto {
  @ApiProperty() @IsBoolean({ message: 'complete : booléen attendu' }) complete!: boolean;

  @ApiPropertyOptional({ type: [String], example: ['Lettre d’engagement signée'] })
  @IsOptional()
  @IsArray({ message: 'missing : liste attendue' })
  @ArrayMaxSize(50)
  @IsString({ each: true, message: 'missing : liste de textes attendue' })
  missing?: string[];
}

export class AdmissibilityDto extends DecisionDto {
  @ApiProperty() @IsBoolean({ message: 'admissible : booléen attendu' }) admissible!: boolean;
}

export class AwardDto extends DecisionDto {
  @ApiProperty({ enum: ['granted', 'extension', 'refused'] })
  @IsIn(['granted', 'extension', 'refused'], { message: 'outcome : granted, extension ou refused' })
  outcome!: 'granted' | 'extension' | 'refused';

  @ApiPropertyOptional({ minimum: 1, maximum: 6 })
  @IsOptional()
  @IsInt({ message: 'extensionMonths : nombre entier de mois' })
  @Min(1)
  @Max(12)
  extensionMonths?: number;
}

export class MidTermDecisionDto extends DecisionDto {
  @ApiProperty({ enum: ['confirmed', 'withdrawn'] })
  @IsIn(['confirmed', 'withdrawn'], { message: 'outcome : confirmed ou withdrawn' })
  outcome!: 'confirmed' | 'withdrawn';
}

export class RenewalDecisionDto extends DecisionDto {
  @ApiProperty({ enum: ['renewed', 'refused'] })
  @IsIn(['renewed', 'refused'], { message: 'outcome : renewed ou refused' })
  outcome!: 'renewed' | 'refused';
}

export class IndicatorValueDto {
  @ApiProperty({ example: 'A1' }) @IsString() engagementId!: string;
  @ApiProperty({ example: 'Taux de ménages aux ressources modestes' })
  @IsString()
  @MaxLength(300)
  indicatorName!: string;
  @ApiProperty({ example: 52 }) @IsNumber({}, { message: 'value : nombre attendu' }) value!: number;
}

export class ActionStateDto {
  @ApiProperty() @IsString() @MaxLength(500) action!: string;
  @ApiProperty({ enum: ['not_started', 'in_progress', 'done'] })
  @IsIn(['not_started', 'in_progress', 'done'])
  status!: string;
}

/** A progress report (checkpoint), a mid-term report: current indicator values, actions, comment. */
export class ProgressReportDto {
  @ApiProperty({ type: [IndicatorValueDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => IndicatorValueDto)
  indicators!: IndicatorValueDto[];

  @ApiPropertyOptional({ type: [ActionStateDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ActionStateDto)
  actions?: ActionStateDto[];

  @ApiProperty() @IsString() @MaxLength(10_000) comment!: string;
}

export class AdviceDto {
  @ApiProperty() @IsString() @MinLength(3, { message: 'advice : avis obligatoire' }) @MaxLength(10_000) advice!: string;
}

export class HelpRequestDto {
  @ApiProperty({ example: 'Comment mesurer l’indicateur C3 ?' })
  @IsString()
  @MinLength(3, { message: 'question : texte obligatoire' })
  @MaxLength(5000)
  question!: string;
}

export class HelpAnswerDto {
  @ApiProperty()
  @IsString()
  @MinLength(3, { message: 'answer : texte obligatoire' })
  @MaxLength(10_000)
  answer!: string;
}

export class ScheduleVisitDto {
  @ApiProperty({ example: 'member-visitor', description: 'A committee member' }) @IsString() visitorId!: string;
  @ApiProperty({ example: '2027-10-05' })
  @Matches(DATE, { message: 'visitDate : date AAAA-MM-JJ attendue' })
  visitDate!: string;
}

export class VisitReportDto {
  @ApiProperty()
  @IsString()
  @MinLength(3, { message: 'findingsSummary : synthèse obligatoire' })
  @MaxLength(20_000)
  findingsSummary!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: [...VISIT_FINDINGS] },
    example: { A1: 'on_track', B2: 'partly' },
    description: 'Per engagement of the referential: on_track, partly or not_met',
  })
  @IsOptional()
  @IsObject()
  findings?: Record<string, VisitFinding>;
}
