import type { INodeProperties } from 'n8n-workflow';

import { includeSecretsProperty, outputProperty } from '../../../shared/properties';

/** The Output selector and Include Secrets switch of operations that return extensions. */
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
			includeSecretsProperty({
				description:
					'Whether to keep the register password, user password and voicemail PIN in the output (they are removed by default)',
			}),
		);
	}
	return properties;
}
