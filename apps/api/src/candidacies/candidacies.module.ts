import { Module } from '@nestjs/common';
import { ActionRunner } from './action-runner';
import { CandidaciesController } from './candidacies.controller';
import { CandidacyCommandsService } from './candidacy-commands.service';
import { CandidacyReadsService } from './candidacy-reads.service';
import { CommitteeActionsController } from './committee-actions.controller';
import { CooperativeActionsController } from './cooperative-actions.controller';
import { FederationActionsController } from './federation-actions.controller';

@Module({
  controllers: [
    CandidaciesController,
    CooperativeActionsController,
    FederationActionsController,
    CommitteeActionsController,
  ],
  providers: [CandidacyCommandsService, CandidacyReadsService, ActionRunner],
  exports: [CandidacyCommandsService, CandidacyReadsService],
})
export class CandidaciesModule {}
