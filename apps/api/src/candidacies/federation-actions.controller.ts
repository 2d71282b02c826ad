/**
 * The federation's actions on a candidacy: advise on a checkpoint report, answer a help request,
 * assign the visitor and the visit date.
 */
import { Body, Controller, Param, ParseIntPipe, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiParam } from '@nestjs/swagger';
import { RegisterRepository } from '@qualicoop/persistence';
import { AuthedRequest, Roles } from '../auth/auth.guard';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { invalidField } from '../common/error-catalogue';
import { ActionAnswer, ActionEndpoints, ActionRunner, uuid } from './action-runner';
import { AdviceDto, HelpAnswerDto, ScheduleVisitDto } from './actions.dto';

@ActionEndpoints()
@Controller('candidacies/:id')
export class FederationActionsController {
  constructor(
    private readonly actions: ActionRunner,
    private readonly register: RegisterRepository,
  ) {}

  @Post('checkpoints/:checkpoint/advice')
  @ActionAnswer()
  @Roles('federation')
  @ApiParam({ name: 'checkpoint', enum: [6, 12] })
  @ApiOperation({ summary: 'Give advice on a filed checkpoint report' })
  advise(
    @Param('id', uuid) id: string,
    @Param('checkpoint', ParseIntPipe) checkpoint: number,
    @Body() body: AdviceDto,
    @Req() req: AuthedRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.act(id, req, { type: 'AdviseOnCheckpoint', checkpoint: checkpoint, advice: body.advice }, key);
  }

  @Post('help-requests/:helpRequestId/answer')
  @ActionAnswer()
  @Roles('federation')
  @ApiOperation({ summary: "Answer a cooperative's help request" })
  answerHelp(
    @Param('id', uuid) id: string,
    @Param('helpRequestId', uuid) helpRequestId: string,
    @Body() body: HelpAnswerDto,
    @Req() req: AuthedRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.act(id, req, { type: 'AnswerHelpRequest', helpRequestId, answer: body.answer }, key);
  }

  @Post('visit')
  @ActionAnswer()
  @Roles('federation')
  @ApiOperation({ summary: 'Assign the visitor (a committee member) and the visit date; again to move it' })
  async scheduleVisit(
    @Param('id', uuid) id: string,
    @Body() body: ScheduleVisitDto,
    @Req() req: AuthedRequest,
    @IdempotencyKey() key?: string,
  ) {
    if (!(await this.register.isActiveCommitteeMember(body.visitorId)))
      throw invalidField('visitorId', "Ce membre du comité n'existe pas.", 'VISIT.UNKNOWN_VISITOR');
    return this.actions.act(
      id,
      req,
      { type: 'ScheduleVisit', visitorId: body.visitorId, visitDate: body.visitDate },
      key,
    );
  }
}
