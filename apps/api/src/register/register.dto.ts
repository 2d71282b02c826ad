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

export class CreateCooperativeDto {
  @ApiProperty({ example: 'coop-bretagne' })
  @Matches(/^[a-z0-9-]{3,64}$/, { message: 'id : minuscules, chiffres et tirets (3 à 64)' })
  id!: string;
  @ApiProperty({ example: "Bretagne Coop'HLM" }) @IsString() @MinLength(2) @MaxLength(200) name!: string;
  @ApiProperty({ example: 'Bretagne' }) @IsString() @MinLength(2) @MaxLength(100) region!: string;
  @ApiProperty({ example: 'contact@bretagne-coophlm.example' })
  @IsEmail({}, { message: 'email : adresse invalide' })
  email!: string;
}

export class UpdateCooperativeDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(2) @MaxLength(200) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) region?: string;
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
