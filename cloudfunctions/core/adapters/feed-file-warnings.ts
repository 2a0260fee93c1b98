import { readFile } from 'node:fs/promises';
import { WarningSourceError, type SourceWarning, type WarningSource } from '../ports/warnings';
import { parseQWeatherAnswer } from './qweather-warning-answer';

/**
 * The stand-in's warning source: a JSON file of QWeather answers by location code (`"*"` for every
 * location), read afresh on every poll so that editing it is how a demo "receives" a warning. No
 * file means no warnings; a file that is not JSON, or an answer that is malformed, is an error
 * like a bad answer from QWeather.
 */
export function feedFileWarnings(path: string): WarningSource {
  return {
    async current(location: string): Promise<SourceWarning[]> {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw new WarningSourceError(`warning feed ${path} cannot be read: ${String(e)}`);
      }
      let file: unknown;
      try {
        file = JSON.parse(text);
      } catch {
        throw new WarningSourceError(`warning feed ${path} is not JSON`);
      }
      if (typeof file !== 'object' || file === null || Array.isArray(file)) {
        throw new WarningSourceError(`warning feed ${path} must map location codes to QWeather answers`);
      }
      const byLocation = file as Record<string, unknown>;
      const answer = Object.prototype.hasOwnProperty.call(byLocation, location) ? byLocation[location] : byLocation['*'];
      return answer === undefined ? [] : parseQWeatherAnswer(answer, location);
    },
  };
}
