// The nginx in front of the app processes: one upstream of every process, a request that fails on one
// (connection refused, timeout, 502/503/504) is tried on the next — only for idempotent requests (GET, HEAD…):
// nginx never retries a POST, PATCH or DELETE unless told to (`non_idempotent`), and we do not tell it.
// Open-source nginx checks health passively: a process that fails 3 times is left out for `fail_timeout` (with
// max_fails=1, one reset on the survivor while the other process was down left no process at all: 502s for 5 s).

export interface NginxOptions {
  /** Where nginx keeps its pid, logs and temporary files. */
  prefix: string;
  listen: { host: string; port: number };
  upstreams: { host: string; port: number }[];
  /** As root, the user the worker processes run as. */
  user?: string;
  /** The largest upload (imports), as nginx writes it, e.g. "64m". */
  maxBody?: string;
}

export function nginxConfig(o: NginxOptions): string {
  return `# Written by npm run cluster: the portal's app processes behind one port.
${o.user ? `user ${o.user};\n` : ''}worker_processes 1;
pid ${o.prefix}/nginx.pid;
error_log ${o.prefix}/error.log warn;
events { worker_connections 4096; }

http {
  access_log off;
  client_body_temp_path ${o.prefix}/tmp/body;
  proxy_temp_path ${o.prefix}/tmp/proxy;
  fastcgi_temp_path ${o.prefix}/tmp/fastcgi;
  uwsgi_temp_path ${o.prefix}/tmp/uwsgi;
  scgi_temp_path ${o.prefix}/tmp/scgi;

  upstream antq {
${o.upstreams.map((u) => `    server ${u.host}:${u.port} max_fails=3 fail_timeout=5s;`).join('\n')}
    keepalive 64;
    # Below Node's 5 s keep-alive: nginx drops an idle connection before the app does, never sends on one the
    # app is closing (a reset that counts as the process failing).
    keepalive_timeout 4s;
  }

  server {
    listen ${o.listen.host}:${o.listen.port};
    client_max_body_size ${o.maxBody ?? '64m'};

    location / {
      proxy_pass http://antq;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      # Another process answers when one is down or restarting (idempotent requests only).
      proxy_next_upstream error timeout http_502 http_503 http_504;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 2s;
      proxy_read_timeout 300s;
      # Imports stream to the app as they arrive.
      proxy_request_buffering off;
      # Which process answered (operators, tests).
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}
