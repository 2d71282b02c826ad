/** The API's connections: PostgreSQL (read models, dossiers) and the Temporal client. */
import { Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { createDataSource } from '@qualicoop/persistence';
import { loadConfig, RuntimeConfig, temporalConnectionOptions } from '@qualicoop/platform';

export const CONFIG = Symbol('config');

@Injectable()
export class Closer implements OnApplicationShutdown {
  constructor(
    private readonly ds: DataSource,
    @Inject(Connection) private readonly connection: Connection,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
    await this.ds.destroy();
  }
}

@Global()
@Module({
  providers: [
    { provide: CONFIG, useFactory: () => loadConfig() },
    {
      provide: DataSource,
      inject: [CONFIG],
      useFactory: (config: RuntimeConfig) => createDataSource(config.databaseUrl, 'quali-coop-api').initialize(),
    },
    {
      provide: Connection,
      inject: [CONFIG],
      useFactory: (config: RuntimeConfig) => Connection.connect(temporalConnectionOptions(config)),
    },
    {
      provide: Client,
      inject: [CONFIG, Connection],
      useFactory: (config: RuntimeConfig, connection: Connection) => new Client({ connection, namespace: config.temporalNamespace }),
    },
    Closer,
  ],
  exports: [CONFIG, DataSource, Client],
})
export class InfrastructureModule {}
