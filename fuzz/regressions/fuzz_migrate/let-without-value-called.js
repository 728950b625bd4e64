let build;
dr.createSource(build());
