using FsCheck;
using FsCheck.Fluent;

namespace Portal.Tests.Allocation;

// Runs an FsCheck property from an xunit fact (the core FsCheck package has no xunit attributes).
internal static class Properties
{
    public static void Check<T>(Arbitrary<T> arbitrary, Func<T, bool> property, int runs = 300) =>
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(runs), Prop.ForAll(arbitrary, property));
}
