import { z } from 'zod';
import file from '../../config/weather-locations.json';

const rosterId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);

const locationSchema = z
  .object({
    /** A QWeather LocationID (digits) or "lon,lat" with at most two decimals. */
    code: z.string().regex(/^(\d{5,12}|-?\d{1,3}(\.\d{1,2})?,-?\d{1,2}(\.\d{1,2})?)$/, 'code 要是和风天气的 LocationID 或 "经度,纬度"'),
    name: z.string().trim().min(1),
    villageIds: z.array(rosterId).min(1).optional(),
    townshipId: rosterId.optional(),
    countyId: rosterId.optional(),
  })
  .strict()
  .refine((l) => [l.villageIds, l.townshipId, l.countyId].filter((x) => x !== undefined).length === 1, {
    message: '每个地点只填 villageIds、townshipId、countyId 中的一个',
  });
export type WeatherLocation = z.infer<typeof locationSchema>;

export const weatherLocationsSchema = z
  .object({ $comment: z.string().optional(), locations: z.array(locationSchema) })
  .strict()
  .superRefine((f, ctx) => {
    const seen = new Set<string>();
    f.locations.forEach((l, i) => {
      if (seen.has(l.code)) ctx.addIssue({ code: 'custom', path: ['locations', i, 'code'], message: `地点 ${l.code} 写了两遍` });
      seen.add(l.code);
    });
  });

/** config/weather-locations.json, checked when the function loads: a bad edit fails the tests and the deploy, not a poll at night. */
export const weatherLocations: readonly WeatherLocation[] = weatherLocationsSchema.parse(file).locations;
