import { SPOILER_LEVELS, type SpoilerLevel } from '@/lib/settings';

/**
 * The stored shield level, checked: storage is outside this script's control. A value that is not
 * one of ours shields outcomes rather than showing them, since a viewer who set a shield and got
 * spoilers anyway could not take them back.
 */
export function shieldLevel(stored: unknown): SpoilerLevel {
  return SPOILER_LEVELS.includes(stored as SpoilerLevel) ? (stored as SpoilerLevel) : 'outcomes';
}
