import { Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { AuthGuard } from './auth/auth.guard';
import { CandidaciesModule } from './candidacies/candidacies.module';
import { InfrastructureModule } from './common/infrastructure.module';
import { ProblemException, ProblemFilter } from './common/problem';
import { HealthController } from './health/health.controller';

@Module({
  imports: [InfrastructureModule, CandidaciesModule],
  controllers: [HealthController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useClass: ProblemFilter },
    {
      provide: APP_PIPE,
      useValue: new ValidationPipe({
        whitelist: true,
        forbidNonWhitelisted: true,
        transform: true,
        exceptionFactory: (errors) =>
          new ProblemException(
            400,
            'REQUEST.VALIDATION_FAILED',
            'La requête contient des champs invalides.',
            errors.flatMap((e) =>
              Object.entries(e.constraints ?? {}).map(([rule, message]) => ({
                field: e.property,
                code: rule === 'whitelistValidation' ? 'REQUEST.UNKNOWN_FIELD' : 'REQUEST.INVALID_FIELD',
                message: rule === 'whitelistValidation' ? `Champ inconnu : ${e.property}` : message,
              })),
            ),
          ),
      }),
    },
  ],
})
export class AppModule {}
