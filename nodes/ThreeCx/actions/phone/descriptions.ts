import type { INodeProperties } from 'n8n-workflow';

/** The MAC Address parameter of the phone operations (scoped by each operation file). */
export function macField(description = 'MAC address of the phone'): INodeProperties {
	return {
		displayName: 'MAC Address',
		name: 'macAddress',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 80:5E:C0:A1:B2:C3',
		description: `${description}, in any common notation (80:5E:C0:A1:B2:C3, 80-5E-C0-A1-B2-C3, 805e.c0a1.b2c3 or 805EC0A1B2C3); sent as 12 lower-case hex digits`,
	};
}
