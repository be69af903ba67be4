import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { departmentId } from '../transport/odata';
import { otherPropertiesJson } from './json';

/**
 * Pbx.User properties that hold credentials: SIP auth password, web client password, desk
 * phone password and voicemail PIN. They are removed from output unless the user asks.
 */
export const USER_SECRET_FIELDS = ['AuthPassword', 'AccessPassword', 'DeskphonePassword', 'VMPIN'];

/** Builds a Pbx.User body from the form fields and the JSON field. */
export function userBody(ctx: IExecuteFunctions, fields: IDataObject, itemIndex: number, parameter: string): IDataObject {
	const extra = otherPropertiesJson(ctx, fields, itemIndex, parameter);
	const body: IDataObject = { ...extra };
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'additionalJson' || key === 'groupId' || key === 'roleName') continue;
		body[key] = value;
	}
	const groupId = departmentId(ctx.getNode(), fields.groupId, itemIndex);
	if (groupId !== undefined) body.Groups = [{ GroupId: groupId, Rights: { RoleName: (fields.roleName as string) || 'users' } }];
	return body;
}
