"""HTTP plumbing, one concept a module: dependencies, errors, responses, the access log,
metrics, security headers, the body cap, the response cache, the root path, htmx, URLs, health."""
