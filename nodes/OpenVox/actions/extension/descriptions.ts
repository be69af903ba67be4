import type { INodeProperties } from 'n8n-workflow';

import { movedIncludeSecretsProperties, outputProperty } from '../../../shared/properties';
import { SECRET_RECORD_FIELDS } from '../../helpers/fields';

/** Node version 3 moved Include Secrets into Options; versions 1 and 2 keep it at the top level. */
export const SECRETS_IN_OPTIONS_FROM = 3;

/**
 * The Output selector of operations that return extensions and, with `secrets`, their
 * Include Secrets switch (read it with readIncludeSecrets(ctx, itemIndex, SECRETS_IN_OPTIONS_FROM)).
 */
export function outputProperties(secrets: boolean): INodeProperties[] {
	const properties: INodeProperties[] = [
		outputProperty({
			normalised:
				'Number, name, email, mobile, status, ID and source like the other PBX nodes of this package, with the OpenVox record in raw',
			raw: 'The record as the PBX returned it',
		}),
	];
	if (secrets) {
		properties.push(
			...movedIncludeSecretsProperties(
				{ keeps: 'the register, login and user passwords and the voicemail PIN', fields: SECRET_RECORD_FIELDS },
				SECRETS_IN_OPTIONS_FROM,
			),
		);
	}
	return properties;
}
