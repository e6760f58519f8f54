# The edge's backends in docker-compose: two web and two CMS replicas by name. (scripts/cluster.mjs writes
# the same file for the nodes it starts on loopback.)
probe site_probe { .url = "/robots.txt"; .interval = 2s; .timeout = 2s; .window = 3; .threshold = 2; }
probe api_probe { .url = "/_health"; .expected_response = 204; .interval = 2s; .timeout = 2s; .window = 3; .threshold = 2; }

backend web1 { .host = "web-1"; .port = "3000"; .probe = site_probe; .first_byte_timeout = 60s; }
backend web2 { .host = "web-2"; .port = "3000"; .probe = site_probe; .first_byte_timeout = 60s; }
backend cms1 { .host = "cms-1"; .port = "1337"; .probe = api_probe; .first_byte_timeout = 60s; }
backend cms2 { .host = "cms-2"; .port = "1337"; .probe = api_probe; .first_byte_timeout = 60s; }

# Who may purge: the nodes, on the compose network.
acl purgers { "localhost"; "10.0.0.0"/8; "172.16.0.0"/12; "192.168.0.0"/16; }

sub vcl_init {
  new site = directors.round_robin();
  site.add_backend(web1);
  site.add_backend(web2);
  new api = directors.round_robin();
  api.add_backend(cms1);
  api.add_backend(cms2);
}
