/**
 * zod writes its own messages for a missing field, a wrong type, a string too long: they reach officers in a 400's
 * `errors`, so they are Chinese. zod's configuration is global; the API sets it once, when its app is built.
 */
import { z } from 'zod';

/** Has zod write its messages in Chinese (简体中文). */
export function useChineseValidationMessages(): void {
  z.config(z.locales.zhCN());
}
