/**
 * Where severe-weather warnings come from. Production: QWeather's warning API
 * (GET /v7/warning/now?location=<code>), polled by the notices timer; locally a feed file in
 * the same shape. The answer is the provider's own words, checked but not yet judged: which
 * colours count and what an update replaces is the domain's (core/domain/warnings.ts).
 */
export interface SourceWarning {
  /** The provider's id of this version of the warning: an update or a cancel comes with a new one. */
  id: string;
  /** Who issued it, e.g. 青禾县气象台; may be empty. */
  sender: string;
  /** ISO instant. */
  pubTime: string;
  title: string;
  /** ISO instants; null when the provider left them empty. */
  startTime: string | null;
  endTime: string | null;
  status: 'active' | 'update' | 'cancel';
  /** White, Blue, Green, Yellow, Orange, Red or Black (QWeather's severityColor); may be empty. */
  severityColor: string;
  /** The provider's type code (e.g. 1003) and its name (暴雨). */
  type: string;
  typeName: string;
  text: string;
  /** The id of the warning this one updates or cancels, when the provider says. */
  related: string | null;
}

export interface WarningSource {
  /**
   * The warnings in force at a location (a QWeather LocationID or "lon,lat"). Throws a
   * WarningSourceError when the provider cannot be reached or answers something malformed:
   * the caller publishes nothing for that location then.
   */
  current(location: string): Promise<SourceWarning[]>;
}

export class WarningSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WarningSourceError';
  }
}
