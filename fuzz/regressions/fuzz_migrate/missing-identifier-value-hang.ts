var p = {:<?l>,}
r.createSource(p)
