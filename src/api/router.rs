//! From method and path to a verb on a resource, as the API server routes:
//! `/api/v1/namespaces/NS/pods/NAME/log`,
//! `/apis/apps/v1/deployments?watch=true`, `/version`, `/openapi/v3` ...

use super::host::State;
use super::kinds::{self, Backing, ResourceInfo};
use super::status::Status;
use super::{Reply, Request, discovery, openapi, read, write};
use crate::sim::Cluster;

/// Where a request points inside a group version.
#[derive(Debug, Clone)]
struct Target<'a> {
    res: &'static ResourceInfo,
    namespace: Option<&'a str>,
    name: Option<&'a str>,
    sub: Option<&'a str>,
}

fn target<'a>(group: &str, version: &str, rest: &[&'a str]) -> Option<Target<'a>> {
    let find = |plural: &str| kinds::find(group, version, plural);
    let t = match rest {
        ["namespaces", ns, plural, tail @ ..]
            if find(plural).is_some_and(|r| r.namespaced) && tail.len() <= 2 =>
        {
            Target {
                res: find(plural)?,
                namespace: Some(ns),
                name: tail.first().copied(),
                sub: tail.get(1).copied(),
            }
        }
        [plural, tail @ ..] if tail.len() <= 2 => Target {
            res: find(plural)?,
            namespace: None,
            name: tail.first().copied(),
            sub: tail.get(1).copied(),
        },
        _ => return None,
    };
    Some(t)
}

/// Answer one request on the cluster.
pub fn handle(c: &mut Cluster, st: &mut State, req: &Request) -> Reply {
    let path = req.path.trim_end_matches('/');
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let get = req.method == "GET";
    match parts.as_slice() {
        ["version"] if get => Reply::ok(discovery::version()),
        ["healthz" | "readyz" | "livez", ..] if get => Reply::Text {
            code: 200,
            body: "ok".into(),
        },
        ["api"] if get => discovery::root(true, req, "127.0.0.1"),
        ["apis"] if get => discovery::root(false, req, "127.0.0.1"),
        ["api", "v1"] if get => {
            discovery::resource_list("", "v1").map_or_else(|| Status::no_route().into(), Reply::ok)
        }
        ["apis", g] if get => {
            discovery::group(g).map_or_else(|| Status::no_route().into(), Reply::ok)
        }
        ["apis", g, v] if get => {
            discovery::resource_list(g, v).map_or_else(|| Status::no_route().into(), Reply::ok)
        }
        ["openapi", "v2"] if get => Reply::Bytes {
            content_type: super::openapi_v2::MEDIA_TYPE,
            body: super::openapi_v2::document(),
        },
        ["openapi", "v3"] if get => Reply::ok(openapi::index()),
        ["openapi", "v3", rest @ ..] if get => {
            openapi::document(&rest.join("/")).map_or_else(|| Status::no_route().into(), Reply::ok)
        }
        ["api", "v1", rest @ ..] => resource(c, st, req, "", "v1", rest),
        ["apis", g, v, rest @ ..] => resource(c, st, req, g, v, rest),
        _ => Status::no_route().into(),
    }
}

fn resource(
    c: &mut Cluster,
    st: &mut State,
    req: &Request,
    group: &str,
    version: &str,
    rest: &[&str],
) -> Reply {
    let Some(t) = target(group, version, rest) else {
        return Status::no_route().into();
    };
    let r = t.res;
    // A namespaced resource without a namespace in the path: every namespace.
    let ns_write = t.namespace.unwrap_or("default");
    if !r.namespaced && t.namespace.is_some() {
        return Status::no_route().into();
    }
    let m = req.method.as_str();
    match (t.name, t.sub) {
        (None, _) => match m {
            "GET" => read::list(c, st, r, t.namespace, req),
            "POST" if r.namespaced && t.namespace.is_none() => {
                Status::method_not_allowed("create", &r.qualified()).into()
            }
            "POST" => write::create(c, st, r, ns_write, req),
            _ => Status::method_not_allowed(m, &r.qualified()).into(),
        },
        (Some(name), None) => match m {
            "GET" => read::get(c, st, r, t.namespace, name, req),
            "PUT" => write::update(c, st, r, ns_write, name, req),
            "PATCH" => write::patch(c, st, r, ns_write, name, req),
            "DELETE" => write::delete(c, st, r, ns_write, name, req),
            _ => Status::method_not_allowed(m, &r.qualified()).into(),
        },
        (Some(name), Some(sub)) => subresource(c, st, req, r, ns_write, name, sub),
    }
}

fn subresource(
    c: &mut Cluster,
    st: &mut State,
    req: &Request,
    r: &'static ResourceInfo,
    ns: &str,
    name: &str,
    sub: &str,
) -> Reply {
    if !r.subresources.iter().any(|s| s.name == sub) {
        return Status::no_route().into();
    }
    let pod = r.backing == Backing::Object(crate::sim::objects::Kind::Pod);
    match (sub, req.method.as_str()) {
        ("status", "GET") => read::get(c, st, r, r.namespaced.then_some(ns), name, req),
        ("status", m) => Status::method_not_allowed(m, &format!("{}/status", r.qualified())).into(),
        ("scale", _) => write::scale(c, st, r, ns, name, req),
        ("log", "GET") if pod => read::logs(c, st, ns, name, req),
        ("eviction", "POST") if pod => write::evict(c, st, ns, name, req),
        ("exec" | "attach" | "portforward", _) if pod => {
            if c.pod(ns, name).is_none() {
                return Status::not_found("pods", name).into();
            }
            let what = match sub {
                "exec" => "exec",
                "attach" => "attach",
                _ => "port-forward",
            };
            Status::no_processes(what, name).into()
        }
        ("binding", _) if pod => {
            Status::method_not_allowed("create", "pods/binding: the simulated scheduler binds pods")
                .into()
        }
        (_, m) => Status::method_not_allowed(m, &format!("{}/{sub}", r.qualified())).into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_like_the_api_server() {
        let t =
            target("", "v1", &["namespaces", "default", "pods", "web", "log"]).expect("pod log");
        assert_eq!(
            (t.res.plural, t.namespace, t.name, t.sub),
            ("pods", Some("default"), Some("web"), Some("log"))
        );
        let t = target("", "v1", &["namespaces", "dev"]).expect("a namespace");
        assert_eq!((t.res.plural, t.name), ("namespaces", Some("dev")));
        let t = target("apps", "v1", &["deployments"]).expect("all deployments");
        assert_eq!((t.namespace, t.name), (None, None));
        assert!(
            target("", "v1", &["configmaps"]).is_none()
                || kinds::find("", "v1", "configmaps").is_some()
        );
    }
}
