#!/usr/bin/env node
// mock-lrs.js: a small xAPI Learning Record Store for the tests; it checks every statement
// defuse's client sends (auth, headers, the LRS validator, id rules) and keeps what it accepts.
//
// Usage: node mock-lrs.js --port PORT --user KEY --pass SECRET --store FILE [--refuse N]
//
// Listens on 127.0.0.1 only. When ready it prints exactly one line on stdout,
// "listening http://127.0.0.1:PORT/", with the real port (so --port 0 picks a free one);
// that URL is the LRS endpoint to give the client. Everything else goes to stderr: one line
// per request with method, path, status and the reason.
//
//   GET  /about                       200 {"version":["1.0.3"]}, no auth
//   POST /statements                  one statement or an array: 200 with the array of ids
//   PUT  /statements?statementId=ID   one statement: 204
//   GET  /statements                  200 {"statements":[...],"more":""}, everything stored
//   GET  /statements?statementId=ID   200 the statement, or 404
//
// Every /statements request needs HTTP Basic auth equal to --user/--pass (401) and an
// X-Experience-API-Version header starting with "1.0." (400). POST and PUT need
// Content-Type application/json (400). Each statement must have an id and pass
// @learninglocker/xapi-validation with no warning at all, or the whole request is refused
// with 400 and the validator's findings. An id already stored with the same content (keys
// compared in sorted order) is accepted again without change; with other content, 409.
// --refuse N answers 503 to the first N authenticated POST/PUT requests and stores nothing,
// so a client's retry can be tested. Statements are kept as received (no stored/authority
// added) and, after each change, written to --store as a JSON array (temp file, then rename).
// The store starts empty on every start. SIGTERM or SIGINT closes the server and exits 0.
'use strict';

const http = require('http');
const fs = require('fs');
const path = require('path');

let validate;
try {
    validate = require('@learninglocker/xapi-validation').default;
} catch (e) {
    process.stderr.write('mock-lrs: cannot load @learninglocker/xapi-validation (' + e.code +
        '); run: npm ci --prefix ' + path.relative(process.cwd(), __dirname) + '\n');
    process.exit(1);
}

const LRS_VERSION = '1.0.3';
const MAX_BODY = 8 * 1024 * 1024;

function usage(msg) {
    process.stderr.write('mock-lrs: ' + msg + '\n' +
        'Usage: node mock-lrs.js --port PORT --user KEY --pass SECRET --store FILE [--refuse N]\n');
    process.exit(2);
}

function parseArgs(argv) {
    const opts = { port: null, user: null, pass: null, store: null, refuse: 0 };
    const names = { '--port': 'port', '--user': 'user', '--pass': 'pass', '--store': 'store',
        '--refuse': 'refuse' };
    for (let i = 0; i < argv.length; i++) {
        const key = names[argv[i]];
        if (!key) usage("unknown argument '" + argv[i] + "'");
        if (i + 1 >= argv.length) usage(argv[i] + ' needs a value');
        opts[key] = argv[++i];
    }
    for (const k of ['port', 'user', 'pass', 'store']) {
        if (opts[k] === null) usage('--' + k + ' is required');
    }
    if (!/^\d+$/.test(opts.port) || Number(opts.port) > 65535) usage('--port must be 0..65535');
    if (!/^\d+$/.test(String(opts.refuse))) usage('--refuse must be a count');
    opts.port = Number(opts.port);
    opts.refuse = Number(opts.refuse);
    return opts;
}

const opts = parseArgs(process.argv.slice(2));
const expectedAuth = 'Basic ' + Buffer.from(opts.user + ':' + opts.pass, 'utf8').toString('base64');

// Stored statements in arrival order, and the same keyed by lower-case id with the
// canonical text used to compare a resent statement.
const stored = [];
const byId = new Map();
let refuseLeft = opts.refuse;

// Canonical JSON: object keys sorted at every level, so key order never makes two
// otherwise equal statements differ.
function canonical(value) {
    if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']';
    if (value && typeof value === 'object') {
        return '{' + Object.keys(value).sort()
            .map((k) => JSON.stringify(k) + ':' + canonical(value[k])).join(',') + '}';
    }
    return JSON.stringify(value);
}

function saveStore() {
    const tmp = opts.store + '.tmp-' + process.pid;
    fs.writeFileSync(tmp, JSON.stringify(stored, null, 2) + '\n');
    fs.renameSync(tmp, opts.store);
}

// The validator's findings as plain objects: its class name, the path in the statement
// and whatever detail the finding carries (expected type, offending keys, limits...).
function describeWarning(w) {
    const out = {
        warning: (w && w.constructor && w.constructor.name) || 'Warning',
        path: Array.isArray(w.path) ? w.path.join('.') : String(w.path),
    };
    for (const k of Object.keys(w)) {
        if (['data', 'path', 'message', 'name', 'stack'].includes(k)) continue;
        out[k] = w[k];
    }
    // The offending value when it is short (the whole statement is not repeated).
    if (w.data === null || ['string', 'number', 'boolean'].includes(typeof w.data)) {
        out.value = w.data;
    }
    return out;
}

function send(req, res, status, body, why) {
    const headers = { 'X-Experience-API-Version': LRS_VERSION };
    let text = '';
    if (body !== undefined) {
        text = JSON.stringify(body);
        headers['Content-Type'] = 'application/json';
    }
    if (status === 401) headers['WWW-Authenticate'] = 'Basic realm="mock-lrs"';
    headers['Content-Length'] = Buffer.byteLength(text);
    res.writeHead(status, headers);
    res.end(text);
    process.stderr.write('mock-lrs: ' + req.method + ' ' + req.url + ' ' + status +
        (why ? ' ' + String(why).replace(/\s*\n\s*/g, ' | ') : '') + '\n');
}

function fail(req, res, status, message, extra) {
    send(req, res, status, Object.assign({ error: message }, extra || {}), message);
}

// Checks a batch (already parsed) and stores it when every statement is fine.
// Returns [status, body, why].
function acceptStatements(list, putId) {
    const problems = [];
    const seen = new Set();
    list.forEach((s, index) => {
        const found = [];
        const isObject = s !== null && typeof s === 'object' && !Array.isArray(s);
        // A non-object is reported by the validator itself (TypeWarning at "statement").
        if (isObject) {
            const id = typeof s.id === 'string' ? s.id.toLowerCase() : '';
            if (id === '') {
                found.push({ warning: 'MissingId', path: 'statement.id',
                    detail: 'the client must generate every statement id' });
            } else if (putId !== null && id !== putId.toLowerCase()) {
                found.push({ warning: 'IdMismatch', path: 'statement.id',
                    detail: 'statementId in the URL is ' + putId });
            } else if (seen.has(id)) {
                found.push({ warning: 'DuplicateIdInBatch', path: 'statement.id' });
            }
            seen.add(id);
        }
        for (const w of validate(s)) found.push(describeWarning(w));
        if (found.length) {
            problems.push({ index, id: isObject ? s.id : undefined, problems: found });
        }
    });
    if (problems.length) {
        const first = problems[0].problems[0];
        return [400, { error: 'invalid statement', errors: problems },
            'invalid statement: #' + problems[0].index + ' ' + first.warning + ' at ' + first.path +
            (first.typeName ? ' (' + first.typeName + ' expected)' : '') +
            ('value' in first ? ' value ' + JSON.stringify(first.value) : '') +
            (problems.length > 1 || problems[0].problems.length > 1 ? ' (and more)' : '')];
    }
    const fresh = [];
    let again = 0;
    for (const s of list) {
        const key = s.id.toLowerCase();
        const old = byId.get(key);
        if (!old) {
            fresh.push(s);
        } else if (old.text === canonical(s)) {
            again++;
        } else {
            return [409, { error: 'statement ' + s.id + ' is already stored with different content' },
                'conflict: ' + s.id + ' stored with different content'];
        }
    }
    for (const s of fresh) {
        byId.set(s.id.toLowerCase(), { statement: s, text: canonical(s) });
        stored.push(s);
    }
    if (fresh.length) saveStore();
    return [null, list.map((s) => s.id),
        'stored ' + fresh.length + (again ? ', ' + again + ' already stored' : '')];
}

function handleWrite(req, res, url, raw) {
    if (refuseLeft > 0) {
        refuseLeft--;
        return fail(req, res, 503, 'refused on purpose (--refuse), ' + refuseLeft + ' more to refuse');
    }
    const ctype = String(req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
    if (ctype !== 'application/json') {
        return fail(req, res, 400, "Content-Type must be application/json, got '" +
            (req.headers['content-type'] || '') + "'");
    }
    let body;
    try {
        body = JSON.parse(raw.toString('utf8'));
    } catch (e) {
        return fail(req, res, 400, 'body is not JSON: ' + e.message);
    }
    let putId = null;
    let list;
    if (req.method === 'PUT') {
        putId = url.searchParams.get('statementId');
        if (!putId) return fail(req, res, 400, 'PUT needs ?statementId=');
        if (!body || typeof body !== 'object' || Array.isArray(body)) {
            return fail(req, res, 400, 'PUT takes a single statement object');
        }
        list = [body];
    } else {
        if (url.searchParams.has('statementId')) {
            return fail(req, res, 400, 'statementId is for PUT, not POST');
        }
        list = Array.isArray(body) ? body : [body];
        if (list.length === 0) return fail(req, res, 400, 'empty array: no statements');
    }
    const [status, out, why] = acceptStatements(list, putId);
    if (status) return send(req, res, status, out, why);
    if (req.method === 'PUT') return send(req, res, 204, undefined, why);
    return send(req, res, 200, out, why);
}

function handle(req, res, raw) {
    // Split by hand: new URL() would read "//statements" as a host name, and a doubled
    // slash from the client should show up as the path it really sent.
    const q = req.url.indexOf('?');
    const url = {
        pathname: q < 0 ? req.url : req.url.slice(0, q),
        searchParams: new URLSearchParams(q < 0 ? '' : req.url.slice(q + 1)),
    };
    if (url.pathname === '/about') {
        if (req.method !== 'GET') return fail(req, res, 405, 'only GET /about');
        return send(req, res, 200, { version: [LRS_VERSION] }, 'about');
    }
    if (url.pathname !== '/statements') {
        return fail(req, res, 404, 'no resource ' + url.pathname + ' (only /about and /statements)');
    }
    if (!['GET', 'POST', 'PUT'].includes(req.method)) {
        return fail(req, res, 405, 'method ' + req.method + ' not allowed on /statements');
    }
    const auth = req.headers.authorization;
    if (!auth) return fail(req, res, 401, 'no Authorization header');
    if (auth !== expectedAuth) return fail(req, res, 401, 'wrong credentials (Basic auth expected)');
    const version = req.headers['x-experience-api-version'];
    if (version === undefined) return fail(req, res, 400, 'missing X-Experience-API-Version header');
    if (!String(version).startsWith('1.0.')) {
        return fail(req, res, 400, "unsupported X-Experience-API-Version '" + version +
            "' (1.0.x expected)");
    }
    if (req.method === 'GET') {
        const id = url.searchParams.get('statementId');
        if (id !== null) {
            const hit = byId.get(id.toLowerCase());
            if (!hit) return fail(req, res, 404, 'no statement ' + id);
            return send(req, res, 200, hit.statement, 'statement ' + id);
        }
        return send(req, res, 200, { statements: stored, more: '' }, stored.length + ' statements');
    }
    return handleWrite(req, res, url, raw);
}

const server = http.createServer((req, res) => {
    const chunks = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c) => {
        size += c.length;
        if (size > MAX_BODY) tooBig = true;
        else chunks.push(c);
    });
    req.on('end', () => {
        if (tooBig) return fail(req, res, 413, 'body over ' + MAX_BODY + ' bytes');
        try {
            handle(req, res, Buffer.concat(chunks));
        } catch (e) {
            fail(req, res, 500, 'mock-lrs internal error: ' + e.stack);
        }
    });
});

server.on('error', (e) => {
    process.stderr.write('mock-lrs: cannot listen on 127.0.0.1:' + opts.port + ': ' + e.message + '\n');
    process.exit(1);
});

server.listen(opts.port, '127.0.0.1', () => {
    // The store file exists (empty) before the ready line, so a test may read it at once.
    try {
        saveStore();
    } catch (e) {
        process.stderr.write('mock-lrs: cannot write the store ' + opts.store + ': ' + e.message + '\n');
        process.exit(1);
    }
    process.stdout.write('listening http://127.0.0.1:' + server.address().port + '/\n');
});

function stop(signal) {
    process.stderr.write('mock-lrs: ' + signal + ', stopping (' + stored.length + ' statements stored)\n');
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
