import { Module } from '@nestjs/common';
import { ReadsController } from './reads.controller';

/** Lists, inboxes, agendas, KPIs and exports, read from the PostgreSQL read models. */
@Module({ controllers: [ReadsController] })
export class ReadsModule {}
