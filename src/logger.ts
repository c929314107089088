import pino, { type Logger } from 'pino'

/**
 * Structured JSON logs. Anything that could hold a credential is redacted by path as well, so a
 * careless log call cannot write one.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'authorization',
          'headers.authorization',
          'headers.cookie',
          '*.authorization',
          '*.cookie',
          'accessToken',
          'tokenSecret',
          'sessionToken',
          'privateKey',
          '*.accessToken',
          '*.tokenSecret',
          '*.sessionToken',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  )
}
