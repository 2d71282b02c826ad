import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

export class OpenCandidacyDto {
  @ApiProperty({ example: 'coop-atlantique', description: 'The cooperative applying (a coop may only open its own).' })
  @IsString()
  @Matches(/^[a-z0-9-]{3,64}$/, { message: 'cooperativeId : identifiant de coopérative invalide' })
  cooperativeId!: string;

  @ApiPropertyOptional({ enum: ['standard', 'demo'], description: 'Only where the server allows a choice (QC_ALLOW_POLICY_CHOICE, development and tests)' })
  @IsOptional()
  @IsIn(['standard', 'demo'], { message: 'policy : standard ou demo' })
  policy?: 'standard' | 'demo';
}

export class PlannedActionDto {
  @ApiProperty() what!: string;
  @ApiProperty() who!: string;
  @ApiProperty({ example: '2027-03-31' }) byWhen!: string;
}

export class IndicatorDto {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['metier', 'economique', 'gouvernance', 'ressources_humaines', 'autre'] }) kind!: string;
  @ApiProperty({ description: "Why it illustrates the Raison d'être" }) rationale!: string;
  @ApiProperty({ example: { value: 40, unit: '%', measuredOn: '2026-06-30' } }) baseline!: { value: number; unit: string; measuredOn: string };
  @ApiProperty({ example: { value: 60, targetDate: '2028-06-30' } }) target!: { value: number; targetDate: string };
  @ApiProperty({ type: [PlannedActionDto] }) actionPlan!: PlannedActionDto[];
}

export class EngagementChoiceDto {
  @ApiProperty({ example: 'A1' }) engagementId!: string;
  @ApiProperty({ type: [IndicatorDto] }) indicators!: IndicatorDto[];
}

export class DocumentRefDto {
  @ApiProperty() documentId!: string;
}

export class DossierDto {
  @ApiProperty({ type: [EngagementChoiceDto] }) engagements!: EngagementChoiceDto[];
  @ApiProperty({ description: 'How the team and the coopérateurs were informed and consulted' }) involvementStatement!: string;
  @ApiPropertyOptional({ type: DocumentRefDto, nullable: true }) letterOfCommitment?: DocumentRefDto | null;
  @ApiPropertyOptional({ type: [DocumentRefDto] }) supportingDocuments?: DocumentRefDto[];
}
