import type { INodeProperties } from 'n8n-workflow';

import { operationProperties } from '../../../shared/router';
import * as assign from './assign.operation';
import * as getDevices from './getDevices.operation';
import * as getProvisioningLink from './getProvisioningLink.operation';
import * as provisionDevice from './provisionDevice.operation';
import * as reboot from './reboot.operation';
import * as remove from './remove.operation';
import * as reprovision from './reprovision.operation';

/** The operation files, in the order their properties are listed; the router's table is derived from them. */
export const operations = {
	assign,
	remove,
	getDevices,
	provisionDevice,
	reprovision,
	reboot,
	getProvisioningLink,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['phone'] } },
		options: [
			{
				name: 'Assign to User',
				value: 'assign',
				description: 'Give a user a desk phone by MAC address and provisioning template',
				action: 'Assign a phone to a user',
			},
			{
				name: 'Get Discovered Devices',
				value: 'getDevices',
				description: 'List the phones the PBX found on the network (DeviceInfos)',
				action: 'Get discovered devices',
			},
			{
				name: 'Get Provisioning Link',
				value: 'getProvisioningLink',
				description: 'Get the link a user\'s phones load their configuration from',
				action: 'Get the provisioning link of a user',
			},
			{
				name: 'Provision Discovered Device',
				value: 'provisionDevice',
				description: 'Assign a discovered phone, found by MAC address, to a user',
				action: 'Provision a discovered device',
			},
			{
				name: 'Reboot',
				value: 'reboot',
				description: 'Restart a phone by MAC address',
				action: 'Reboot a phone',
			},
			{
				name: 'Remove From User',
				value: 'remove',
				description: 'Take a phone (or all phones) away from a user',
				action: 'Remove a phone from a user',
			},
			{
				name: 'Reprovision',
				value: 'reprovision',
				description: 'Make a phone, by MAC address, fetch its configuration again',
				action: 'Reprovision a phone',
			},
		],
		default: 'assign',
	},
	...operationProperties(operations),
];
