package dev.ossops.plan;

import dev.ossops.spec.model.Profile;

/**
 * Desired profile + live state -> {@link Plan}. Pure: reads only the {@link LiveState} it is given, and only the
 * addresses {@link LiveQuery} lists for the profile, so unmanaged configuration never influences a plan. The profile's
 * access assertions are checked against the desired state ({@link DesiredAccess}).
 */
public final class Planner {

    public Plan plan(Profile desired, LiveState live, PlanOptions options) {
        PlanContext ctx = new PlanContext(desired, live, options);
        BucketPlanner buckets = new BucketPlanner(ctx);
        desired.buckets().values().forEach(buckets::plan);
        new RamPlanner(ctx).plan(desired.ram());
        CdnPlanner cdn = new CdnPlanner(ctx);
        desired.cdn().domains().values().forEach(cdn::plan);
        new DesiredAccess(desired, options).check(ctx);
        return ctx.build();
    }
}
