/** Opens the register a command's configuration names (`config/register.ts`), with the deployment's keys. */
import type { PayloadConfig, RegisterConfig } from '../config';
import type { OpenRegister } from './register';
import { openRegister } from './register';

/** The register of `config`, opened and migrated; the caller closes it when the command stops. */
export function openConfiguredRegister(config: {
  readonly register: RegisterConfig;
  readonly payload: PayloadConfig;
}): Promise<OpenRegister> {
  return openRegister(config.register, config.payload.keys, config.payload.cipher);
}
