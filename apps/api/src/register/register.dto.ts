import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

const Name = () =>
  applyDecorators(
    IsString({ message: 'name : texte attendu' }),
    MinLength(2, { message: 'name : 2 caractères au moins' }),
    MaxLength(200, { message: 'name : 200 caractères au plus' }),
  );
const Region = () =>
  applyDecorators(
    IsString({ message: 'region : texte attendu' }),
    MinLength(2, { message: 'region : 2 caractères au moins' }),
    MaxLength(100, { message: 'region : 100 caractères au plus' }),
  );

export class CreateCooperativeDto {
  @ApiProperty({ example: 'coop-bretagne' })
  @Matches(/^[a-z0-9-]{3,64}$/, { message: 'id : minuscules, chiffres et tirets (3 à 64)' })
  id!: string;
  @ApiProperty({ example: "Bretagne Coop'HLM" }) @Name() name!: string;
  @ApiProperty({ example: 'Bretagne' }) @Region() region!: string;
  @ApiProperty({ example: 'contact@bretagne-coophlm.example' })
  @IsEmail({}, { message: 'email : adresse invalide' })
  email!: string;
}

export class UpdateCooperativeDto {
  @ApiPropertyOptional() @IsOptional() @Name() name?: string;
  @ApiPropertyOptional() @IsOptional() @Region() region?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail({}, { message: 'email : adresse invalide' }) email?: string;
  @ApiPropertyOptional({ description: 'An inactive cooperative is not counted in the engagement rate' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class SessionDto {
  @ApiProperty({ example: '2027-06-08T08:00:00.000Z' })
  @IsISO8601({}, { message: 'sessionDate : date ISO 8601 attendue' })
  sessionDate!: string;
  @ApiPropertyOptional({ description: 'Defaults to 21 days before the session' })
  @IsOptional()
  @IsISO8601({}, { message: 'cutoffAt : date ISO 8601 attendue' })
  cutoffAt?: string;
  @ApiPropertyOptional({ type: [String], example: ['member-committee'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  members?: string[];
}

export class CreateSessionDto extends SessionDto {
  @ApiProperty({ example: 'session-2027-06-extra' })
  @Matches(/^[a-z0-9-]{3,64}$/, { message: 'id : minuscules, chiffres et tirets' })
  id!: string;
}
