import { Module } from '@nestjs/common';
import { ActionsController } from './actions.controller';
import { CandidaciesController } from './candidacies.controller';
import { CandidacyCommandsService } from './candidacy-commands.service';
import { CandidacyReadsService } from './candidacy-reads.service';

@Module({
  controllers: [CandidaciesController, ActionsController],
  providers: [CandidacyCommandsService, CandidacyReadsService],
  exports: [CandidacyCommandsService, CandidacyReadsService],
})
export class CandidaciesModule {}
