import { describe, expect, it } from 'vitest';
import { describeFailure } from '@/lib/resolve/live-service';
import { SourceError } from '@/lib/sources/types';
import { useLocale } from '../support/i18n';

describe('what a failed lookup says, in the reader\'s language', () => {
  it('English', () => {
    expect(describeFailure(new SourceError('Wikipedia', 'timeout', 'slow')).message).toBe("Couldn't reach Wikipedia. Try again in a moment.");
    expect(describeFailure(new Error('odd')).message).toBe('Backstory could not look this title up. Try again.');
  });

  it('Spanish, naming the source as it is', () => {
    useLocale('es');
    expect(describeFailure(new SourceError('Wikipedia', 'timeout', 'slow'))).toEqual({ message: 'No se pudo contactar con Wikipedia. Vuelve a intentarlo en un momento.', retryable: true });
    expect(describeFailure(new SourceError('TVmaze', 'rate-limited', '429')).message).toBe('TVmaze pidió a Backstory que fuera más despacio. Vuelve a intentarlo en un minuto.');
    expect(describeFailure(new SourceError('Wikidata', 'offline', 'offline')).message).toMatch(/^Backstory necesita conexión/);
    expect(describeFailure(new SourceError('Wikidata', 'malformed', 'bad')).retryable).toBe(false);
  });
});
