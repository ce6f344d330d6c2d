'use strict';
(function () {
  var body = document.body;
  var specUrl = body.dataset.spec;
  var base = body.dataset.base || '';
  var tokenInput = document.getElementById('token');
  var spec = null;

  tokenInput.value = sessionStorage.getItem('docs.token') || '';
  tokenInput.addEventListener('input', function () {
    sessionStorage.setItem('docs.token', tokenInput.value.trim());
  });

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'className') node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c) node.appendChild(c);
    });
    return node;
  }

  function resolve(schema) {
    var seen = 0;
    while (schema && schema.$ref && seen++ < 20) {
      var name = schema.$ref.split('/').pop();
      schema = (spec.components.schemas || {})[name];
    }
    return schema || {};
  }

  function example(schema, depth) {
    schema = resolve(schema);
    if (depth > 8) return null;
    if (schema.default !== undefined) return schema.default;
    if (schema.examples && schema.examples.length) return schema.examples[0];
    if (schema.const !== undefined) return schema.const;
    if (schema.enum) return schema.enum[0];
    var variants = schema.oneOf || schema.anyOf;
    if (variants) return example(variants[0], depth + 1);
    if (schema.allOf) return example(schema.allOf[0], depth + 1);
    var type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    if (type === 'object' || schema.properties) {
      var out = {};
      Object.keys(schema.properties || {}).forEach(function (k) {
        out[k] = example(schema.properties[k], depth + 1);
      });
      return out;
    }
    if (type === 'array') return [example(schema.items || {}, depth + 1)];
    if (type === 'integer' || type === 'number') return schema.minimum || 0;
    if (type === 'boolean') return false;
    if (type === 'string') return schema.format === 'date-time' ? new Date().toISOString() : '';
    return null;
  }

  function newKey() {
    return crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + '-' + Math.random().toString(36).slice(2);
  }

  async function send(method, path, op, inputs, textarea, out) {
    var url = path.replace(/{([^}]+)}/g, function (_, name) {
      return encodeURIComponent(inputs.path[name].value.trim());
    });
    var query = new URLSearchParams();
    Object.keys(inputs.query).forEach(function (name) {
      var v = inputs.query[name].value.trim();
      if (v) query.set(name, v);
    });
    var qs = query.toString();
    var headers = { Accept: 'application/json, application/problem+json' };
    var token = tokenInput.value.trim();
    if (token) headers.Authorization = 'Bearer ' + token;
    Object.keys(inputs.header).forEach(function (name) {
      headers[name] = inputs.header[name].value.trim();
    });
    var init = { method: method.toUpperCase(), headers: headers };
    if (textarea) {
      headers['Content-Type'] = 'application/json';
      init.body = textarea.value;
    }
    out.textContent = 'sending …';
    var started = performance.now();
    try {
      var res = await fetch(base + url + (qs ? '?' + qs : ''), init);
      var text = await res.text();
      try {
        text = JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        /* not JSON: shown as is */
      }
      var lines = [res.status + ' ' + res.statusText + '  (' + Math.round(performance.now() - started) + ' ms)'];
      res.headers.forEach(function (v, k) {
        lines.push(k + ': ' + v);
      });
      out.textContent = lines.join('\n') + '\n\n' + text;
    } catch (err) {
      out.textContent = 'request failed: ' + err;
    }
    if (inputs.header['Idempotency-Key']) inputs.header['Idempotency-Key'].value = newKey();
  }

  function operation(path, method, op) {
    var inputs = { path: {}, query: {}, header: {} };
    var form = el('div', { className: 'op' });
    if (op.description) form.appendChild(el('p', { text: op.description }));
    if (op.security && op.security.length)
      form.appendChild(el('p', { className: 'lock', text: 'needs a bearer token' }));
    (op.parameters || []).forEach(function (p) {
      var input = el('input', { type: 'text', placeholder: p.schema && p.schema.pattern ? p.schema.pattern : '' });
      if (p.name === 'Idempotency-Key') input.value = newKey();
      inputs[p.in][p.name] = input;
      form.appendChild(
        el('label', {}, [el('span', { text: p.name + ' (' + p.in + (p.required ? ', required' : '') + ') ' }), input]),
      );
    });
    var textarea = null;
    var bodySpec = op.requestBody && op.requestBody.content && op.requestBody.content['application/json'];
    if (bodySpec) {
      textarea = el('textarea', { spellcheck: 'false' });
      textarea.value = JSON.stringify(example(bodySpec.schema, 0), null, 2);
      form.appendChild(el('label', { text: 'JSON body' }));
      form.appendChild(textarea);
    }
    var answers = Object.keys(op.responses || {}).map(function (code) {
      return code + ' ' + op.responses[code].description;
    });
    form.appendChild(el('p', { className: 'muted', text: answers.join(' · ') }));
    var out = el('pre', { text: '' });
    var button = el('button', { type: 'button', text: 'Send' });
    button.addEventListener('click', function () {
      send(method, path, op, inputs, textarea, out);
    });
    form.appendChild(button);
    form.appendChild(out);
    return el('details', {}, [
      el('summary', {}, [
        el('span', { className: 'method ' + method, text: method }),
        el('span', { className: 'path', text: path }),
        el('span', { className: 'summary', text: op.summary || '' }),
      ]),
      form,
    ]);
  }

  function render() {
    document.getElementById('title').textContent = spec.info.title + ' ' + spec.info.version;
    document.getElementById('description').textContent = spec.info.description || '';
    var groups = {};
    Object.keys(spec.paths).forEach(function (path) {
      Object.keys(spec.paths[path]).forEach(function (method) {
        var op = spec.paths[path][method];
        var tag = (op.tags && op.tags[0]) || 'other';
        (groups[tag] = groups[tag] || []).push(operation(path, method, op));
      });
    });
    var main = document.getElementById('operations');
    main.textContent = '';
    Object.keys(groups)
      .sort()
      .forEach(function (tag) {
        main.appendChild(el('h2', { text: tag }));
        groups[tag].forEach(function (node) {
          main.appendChild(node);
        });
      });
  }

  async function loadDemoUsers() {
    try {
      var res = await fetch(body.dataset.tokens);
      if (!res.ok) return;
      var users = (await res.json()).users || [];
      var select = document.getElementById('demo-users');
      users.forEach(function (u) {
        var option = el('option', { value: u.token, text: u.sub + ' · ' + u.role + (u.body ? ' · ' + u.body : '') });
        select.appendChild(option);
      });
      select.addEventListener('change', function () {
        if (!select.value) return;
        tokenInput.value = select.value;
        sessionStorage.setItem('docs.token', select.value);
      });
      document.getElementById('demo').hidden = false;
    } catch {
      /* no development tokens on this server */
    }
  }

  fetch(specUrl)
    .then(function (res) {
      if (!res.ok) throw new Error(res.status + ' ' + res.statusText);
      return res.json();
    })
    .then(function (doc) {
      spec = doc;
      render();
      loadDemoUsers();
    })
    .catch(function (err) {
      document.getElementById('operations').textContent = 'cannot load ' + specUrl + ': ' + err;
    });
})();
