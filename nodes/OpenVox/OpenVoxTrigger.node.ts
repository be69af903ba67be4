import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	eventsProperty,
	filtersProperty,
	optionsProperty,
	pollChanges,
	triggerRequestOptionsProperty,
	triggerSafetyProperty,
	watchField,
	watchFieldsProperty,
} from '../shared/changeTrigger';
import { normaliseRecord } from './helpers/record';
import { listRecords } from './transport';
import { CREDENTIAL_TYPE } from './transport/credential';

export class OpenVoxTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenVox Trigger',
		name: 'openVoxTrigger',
		icon: { light: 'file:openVox.svg', dark: 'file:openVox.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"Extension " + $parameter["events"].join(", ")}}',
		description: 'Starts the workflow when an OpenVox extension is created, changed or deleted',
		defaults: {
			name: 'OpenVox Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			eventsProperty,
			// The extension list carries number, name, type and status only (extensionlist/query).
			watchFieldsProperty(
				[
					watchField('name', 'The extension\'s user name'),
					watchField('status', 'Registered, Unavailable, Idle, Ringing …; changes with every call'),
				],
				['name'],
			),
			filtersProperty(
				[
					{
						displayName: 'Type',
						name: 'type',
						type: 'string',
						default: '',
						placeholder: 'pjsip',
						description: 'Only extensions of this type, e.g. pjsip, sip, iax or fxs (case-insensitive)',
					},
				],
			),
			optionsProperty,
			triggerSafetyProperty,
			triggerRequestOptionsProperty,
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const filters = this.getNodeParameter('filters', {}) as { type?: string };
		return await pollChanges.call(this, {
			source: 'openvox',
			vendor: 'OpenVox',
			filters: { type: filters.type?.trim().toLowerCase() ?? '' },
			read: async () => (await listRecords(this, { type: filters.type })).records.map((record) => normaliseRecord(record)),
		});
	}
}
