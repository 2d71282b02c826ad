import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';

export class OpenCandidacyDto {
  @ApiProperty({ example: 'coop-atlantique', description: 'The cooperative applying (a coop may only open its own).' })
  @IsString()
  @Matches(/^[a-z0-9-]{3,64}$/, { message: 'cooperativeId : identifiant de coopérative invalide' })
  cooperativeId!: string;

  @ApiPropertyOptional({
    enum: ['standard', 'demo'],
    description: 'Only where the server allows a choice (QC_ALLOW_POLICY_CHOICE, development and tests)',
  })
  @IsOptional()
  @IsIn(['standard', 'demo'], { message: 'policy : standard ou demo' })
  policy?: 'standard' | 'demo';
}
