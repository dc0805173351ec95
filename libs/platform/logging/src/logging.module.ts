import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { CorrelationMiddleware } from './correlation.middleware';
import { pinoOptions, LoggingOptions } from './pino-options';
import { resolveRequestCorrelation } from './request-correlation';

// Probes and scrapes would drown the useful request logs.
const QUIET_PATHS = /^\/health\//;

@Module({})
export class LoggingModule implements NestModule {
  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: LoggingModule,
      global: true,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: [
            {
              ...pinoOptions(options),
              genReqId: (req, res) => resolveRequestCorrelation(req, res).requestId,
              autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.test(req.url ?? '') },
              customLogLevel: (_req, res, err) =>
                err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
              // Handler logs carry only the request id; the full request is logged once, on completion.
              quietReqLogger: true,
            },
            options.destination ?? process.stdout,
          ],
        }),
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes({ path: '*', method: RequestMethod.ALL });
  }
}
