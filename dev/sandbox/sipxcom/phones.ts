/**
 * The CXF REST phone API `/api/phones` in JSON: start/limit paging, a phone by id or MAC,
 * create, delete, models, and sendProfile[/restart] (recorded in the store).
 */
import type { SandboxResponse } from '../core';
import type { Obj, SipXcomContext } from './context';
import { BASE, obj, str } from './context';
import type { SipXcomPhone } from './store';
import { findPhone } from './store';

export function phoneRoutes({ state, route }: SipXcomContext): void {
	const phoneBean = (p: SipXcomPhone): Obj => {
		const model = state.models.find((m) => m.modelId === p.modelId);
		return {
			id: p.id,
			serialNo: p.serialNo,
			deviceVersion: p.deviceVersion ?? null,
			description: p.description ?? null,
			model: model ?? { modelId: p.modelId, label: p.modelId, vendor: null, versions: [] },
			lines: p.lines.length ? p.lines : null,
			groups: p.groups.length ? p.groups.map((name, i) => ({ id: i + 1, name, description: null, weight: i + 1, count: 1 })) : null,
		};
	};
	const notFound: SandboxResponse = { status: 404 };

	route('GET', `${BASE}/api/phones`, (req) => {
		const all = [...state.phones.values()].sort((a, b) => a.id - b.id);
		const start = Number(req.query.start ?? 0) || 0;
		const limit = req.query.limit !== undefined ? Number(req.query.limit) : all.length;
		return { status: 200, body: { phones: all.slice(start, start + limit).map(phoneBean) } };
	});
	route('GET', `${BASE}/api/phones/models`, () => ({ status: 200, body: { models: state.models } }));
	route('POST', `${BASE}/api/phones`, (req) => {
		const body = obj(req.body) ?? {};
		const serialNo = String(body.serialNo ?? '');
		const modelId = str(obj(body.model)?.modelId);
		if (!/^[0-9a-f]{12}$/.test(serialNo)) return { status: 400, body: `Invalid serial number: ${serialNo}` };
		if (!state.models.some((m) => m.modelId === modelId)) return { status: 400, body: `Unknown phone model: ${modelId}` };
		if (findPhone(state, serialNo)) return { status: 400, body: `Duplicate serial number: ${serialNo}` };
		const id = state.nextPhoneId++;
		state.phones.set(id, {
			id,
			serialNo,
			modelId: modelId!,
			description: str(body.description),
			deviceVersion: str(body.deviceVersion),
			groups: [],
			lines: [],
		});
		return { status: 200 };
	});
	route('GET', `${BASE}/api/phones/:ref`, (req) => {
		const phone = findPhone(state, req.params.ref);
		return phone ? { status: 200, body: phoneBean(phone) } : notFound;
	});
	route('DELETE', `${BASE}/api/phones/:ref`, (req) => {
		const phone = findPhone(state, req.params.ref);
		if (!phone) return notFound;
		state.phones.delete(phone.id);
		return { status: 200 };
	});
	route('PUT', new RegExp(`^${BASE}/api/phones/(?<ref>[^/]+)/sendProfile(?<restart>/restart)?/?$`), (req) => {
		const phone = findPhone(state, req.params.ref);
		if (!phone) return notFound;
		state.profilesSent.push({ serialNo: phone.serialNo, restart: req.params.restart !== undefined });
		return { status: 200 };
	});
}
