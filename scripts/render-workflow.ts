/**
 * Renders an n8n workflow JSON as an SVG picture in the editor's style (node boxes at their
 * canvas positions, icons, named outputs, curved connections), for the README.
 * Usage: ts-node scripts/render-workflow.ts <workflow.json> <out.svg>
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

interface WorkflowNode {
	name: string;
	type: string;
	position: [number, number];
	parameters?: Record<string, unknown>;
}
interface Workflow {
	nodes: WorkflowNode[];
	connections: Record<string, { main?: Array<Array<{ node: string; index: number }> | null> }>;
}

const ROOT = join(__dirname, '..');
const BOX = 96;
const PACKAGE = 'n8n-nodes-pbx-sync.';

/** Our node icons come from the package; n8n's own nodes get a simple glyph. */
const PACKAGE_ICONS: Record<string, string> = {
	compareExtensions: 'nodes/CompareExtensions/compareExtensions.svg',
	threeCx: 'nodes/ThreeCx/threeCx.svg',
	cloudonix: 'nodes/Cloudonix/cloudonix.svg',
	sipXcom: 'nodes/SipXcom/sipXcom.svg',
	openVox: 'nodes/OpenVox/openVox.svg',
};
const BASE_GLYPHS: Record<string, string> = {
	manualTrigger: '<path d="M-10-14 16 0-10 14z" fill="#ff6d5a"/>',
	scheduleTrigger:
		'<circle r="17" fill="none" stroke="#31c4ab" stroke-width="4"/><path d="M0-10V0l8 6" stroke="#31c4ab" stroke-width="4" fill="none" stroke-linecap="round"/>',
	webhook:
		'<path d="M-4-16 8-2H0l6 18-14-16h8z" fill="#c15cd8"/>',
	noOp: '<path d="M-14 0h24m-8-8 8 8-8 8" stroke="#9aa3b5" stroke-width="4" fill="none" stroke-linecap="round" stroke-linejoin="round"/>',
};

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function inputNames(node: WorkflowNode): string[] {
	return node.type === `${PACKAGE}compareExtensions` ? ['Local', 'Remote'] : [];
}

/** Wraps markdown-ish text into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
	const lines: string[] = [];
	for (const paragraph of text.replace(/[*_`#]/g, '').split('\n')) {
		let line = '';
		for (const word of paragraph.split(' ')) {
			if (line && (line + ' ' + word).length > width) {
				lines.push(line);
				line = word;
			} else {
				line = line ? `${line} ${word}` : word;
			}
		}
		lines.push(line);
	}
	return lines;
}

function stickyNote(node: WorkflowNode): string[] {
	const [x, y] = node.position;
	const width = Number(node.parameters?.width ?? 240);
	const height = Number(node.parameters?.height ?? 160);
	const lines = wrap(String(node.parameters?.content ?? ''), Math.floor((width - 24) / 6.4));
	const maxLines = Math.floor((height - 20) / 15);
	const out = [`<rect x="${x}" y="${y}" width="${width}" height="${height}" rx="6" fill="#fff5d6" stroke="#f0c36d"/>`];
	lines.slice(0, maxLines).forEach((line, i) => {
		const first = i === 0;
		out.push(
			`<text x="${x + 12}" y="${y + 22 + i * 15}" font-size="${first ? 14 : 11.5}" ${first ? 'font-weight="700" ' : ''}fill="#4a3b12">${escapeXml(line)}</text>`,
		);
	});
	return out;
}

function outputNames(node: WorkflowNode, count: number): string[] {
	if (node.type === `${PACKAGE}compareExtensions`) {
		return ['Local Only', 'Remote Only', 'Synced', 'Changed'].slice(0, count);
	}
	return [];
}

function icon(node: WorkflowNode): string {
	const short = node.type.split('.').pop()!;
	if (node.type.startsWith(PACKAGE) && PACKAGE_ICONS[short]) {
		try {
			const svg = readFileSync(join(ROOT, PACKAGE_ICONS[short]), 'utf8');
			const data = Buffer.from(svg).toString('base64');
			return `<image x="-22" y="-22" width="44" height="44" href="data:image/svg+xml;base64,${data}"/>`;
		} catch {
			// Fall through to a neutral glyph if a node's icon is not there.
		}
	}
	return BASE_GLYPHS[short] ?? '<circle r="14" fill="#9aa3b5"/>';
}

export function renderWorkflow(workflow: Workflow): string {
	const notes = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote');
	const nodes = workflow.nodes.filter((n) => n.type !== 'n8n-nodes-base.stickyNote');
	const byName = new Map(nodes.map((n) => [n.name, n]));
	const xs = [...nodes.map((n) => n.position[0]), ...notes.map((n) => n.position[0])];
	const ys = [...nodes.map((n) => n.position[1]), ...notes.map((n) => n.position[1])];
	const pad = 90;
	const minX = Math.min(...xs) - pad;
	const minY = Math.min(...ys) - pad;
	const right = Math.max(...nodes.map((n) => n.position[0] + BOX), ...notes.map((n) => n.position[0] + Number(n.parameters?.width ?? 240)));
	const bottom = Math.max(...nodes.map((n) => n.position[1] + BOX), ...notes.map((n) => n.position[1] + Number(n.parameters?.height ?? 160)));
	const width = right - minX + pad + 60;
	const height = bottom - minY + pad + 30;
	const parts: string[] = notes.flatMap(stickyNote);
	const outputCounts = new Map<string, number>();
	for (const [from, conns] of Object.entries(workflow.connections)) {
		outputCounts.set(from, Math.max(1, conns.main?.length ?? 1));
	}
	const inputCounts = new Map<string, number>();
	for (const conns of Object.values(workflow.connections)) {
		for (const list of conns.main ?? []) {
			for (const c of list ?? []) inputCounts.set(c.node, Math.max(inputCounts.get(c.node) ?? 1, c.index + 1));
		}
	}
	const port = (count: number, index: number) => ((index + 1) * BOX) / (count + 1);

	for (const [from, conns] of Object.entries(workflow.connections)) {
		const source = byName.get(from);
		if (!source) continue;
		const outputs = conns.main ?? [];
		outputs.forEach((list, outputIndex) => {
			for (const c of list ?? []) {
				const target = byName.get(c.node);
				if (!target) continue;
				const x1 = source.position[0] + BOX;
				const y1 = source.position[1] + port(outputs.length, outputIndex);
				const x2 = target.position[0];
				const y2 = target.position[1] + port(inputCounts.get(target.name) ?? 1, c.index);
				const dx = Math.max(40, (x2 - x1) / 2);
				parts.push(
					`<path d="M${x1} ${y1} C${x1 + dx} ${y1} ${x2 - dx} ${y2} ${x2 - 6} ${y2}" fill="none" stroke="#8d939c" stroke-width="2"/>`,
					`<path d="M${x2 - 8} ${y2 - 5} L${x2} ${y2} L${x2 - 8} ${y2 + 5}z" fill="#8d939c"/>`,
				);
			}
		});
	}
	for (const node of nodes) {
		const [x, y] = node.position;
		const trigger = /Trigger$|webhook$/.test(node.type);
		const shape = trigger
			? `<path d="M${x + 36} ${y}H${x + BOX - 8}a8 8 0 0 1 8 8V${y + BOX - 8}a8 8 0 0 1-8 8H${x + 36}a36 36 0 0 1-36-36V${y + 36}a36 36 0 0 1 36-36z" fill="#fff" stroke="#555" stroke-width="2"/>`
			: `<rect x="${x}" y="${y}" width="${BOX}" height="${BOX}" rx="8" fill="#fff" stroke="#555" stroke-width="2"/>`;
		parts.push(shape, `<g transform="translate(${x + BOX / 2} ${y + BOX / 2})">${icon(node)}</g>`);
		const words = node.name.split(' ');
		const lines: string[] = [];
		for (const word of words) {
			const last = lines[lines.length - 1];
			if (last && (last + ' ' + word).length <= 18) lines[lines.length - 1] = `${last} ${word}`;
			else lines.push(word);
		}
		lines.forEach((line, i) =>
			parts.push(
				`<text x="${x + BOX / 2}" y="${y + BOX + 20 + i * 16}" text-anchor="middle" font-size="13" font-weight="600" fill="#333">${escapeXml(line)}</text>`,
			),
		);
		inputNames(node).forEach((name, i) =>
			parts.push(
				`<text x="${x - 8}" y="${y + port(2, i) - 6}" text-anchor="end" font-size="11" fill="#666">${escapeXml(name)}</text>`,
			),
		);
		const count = outputCounts.get(node.name) ?? 1;
		const names = outputNames(node, count);
		names.forEach((name, i) =>
			parts.push(
				`<text x="${x + BOX + 6}" y="${y + port(count, i) - 5}" font-size="11" fill="#666">${escapeXml(name)}</text>`,
			),
		);
	}
	return [
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="${minX} ${minY} ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
		`<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#f5f5f7"/>`,
		`<defs><pattern id="dots" width="20" height="20" patternUnits="userSpaceOnUse"><circle cx="1" cy="1" r="1" fill="#d5d7dc"/></pattern></defs>`,
		`<rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="url(#dots)"/>`,
		...parts,
		'</svg>',
	].join('\n');
}

if (require.main === module) {
	const [input, output] = process.argv.slice(2);
	if (!input || !output) {
		console.error('Usage: ts-node scripts/render-workflow.ts <workflow.json> <out.svg>');
		process.exit(2);
	}
	writeFileSync(output, renderWorkflow(JSON.parse(readFileSync(input, 'utf8')) as Workflow));
	console.log(`wrote ${output}`);
}
