import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { withWriteOptions } from '../../../shared/writeOptions';
import type { ItemResult } from '../../../shared/router';
import { resolveUser } from '../../helpers/locator';
import { sameMac } from '../../helpers/mac';
import { macParameter } from '../../helpers/phone';
import { listRecords, request } from '../../transport';
import { userLocatorField } from '../user/descriptions';
import { macField } from './descriptions';

const properties: INodeProperties[] = [
	macField('MAC address of the discovered phone (see Get Discovered Devices)'),
	userLocatorField(),
	{
		displayName: 'Reprovision',
		name: 'reprovision',
		type: 'boolean',
		default: false,
		description: 'Whether the phone is told to fetch its new configuration right away (otherwise at its next provisioning check)',
	},
];

const displayOptions = { show: { resource: ['phone'], operation: ['provisionDevice'] } };

export const description = updateDisplayOptions(displayOptions, withWriteOptions(properties));

/** Changes the PBX: Options › Dry Run applies (see nodes/shared/router.ts). */
export const writes = true;

/**
 * Finds the discovered device by MAC in GET /DeviceInfos (paged, compared in any notation,
 * since the spec does not say how DeviceInfo.MAC is written), then POST
 * /DeviceInfos({Id})/Pbx.Provision with `{"userId", "reprovision"}` (204).
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
	const mac = macParameter(this, itemIndex);
	const reprovision = this.getNodeParameter('reprovision', itemIndex, false) as boolean;
	const user = await resolveUser(this, itemIndex);
	const { records } = await listRecords(this, { collection: '/DeviceInfos', query: { $select: 'Id,MAC,Model,Vendor,Assigned,AssignedUser' }, orderBy: 'Id' }, itemIndex);
	const matches = records.filter((device: IDataObject) => sameMac(device.MAC, mac));
	if (matches.length !== 1) {
		throw new NodeOperationError(
			this.getNode(),
			matches.length === 0 ? `The PBX has not discovered a phone with MAC ${mac} (item ${itemIndex})` : `The PBX lists ${matches.length} discovered devices with MAC ${mac} (item ${itemIndex})`,
			{ itemIndex, description: 'Check the MAC, and that the phone is on the PBX network and has asked for provisioning. Or assign it with Phone → Assign to User.' },
		);
	}
	const device = matches[0];
	await request(this, { method: 'POST', path: `/DeviceInfos(${Number(device.Id)})/Pbx.Provision`, body: { userId: user.id, reprovision } }, itemIndex);
	return { deviceId: Number(device.Id), mac, model: device.Model ?? null, vendor: device.Vendor ?? null, userId: String(user.id), provisioned: true, reprovision };
}
