using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace TranscriptKit.Vendors.Tests;

/// <summary>Test cases from the definitions: one per vendor, or one per (vendor, operation) filtered by the operation's flags.</summary>
internal static class Cases
{
    public static IEnumerable<TestCaseData> EveryVendor() =>
        Vendors.All.Select(v => new TestCaseData(v).SetArgDisplayNames(v.Id));

    public static IEnumerable<TestCaseData> EveryOperation() => Operations(_ => true);

    public static IEnumerable<TestCaseData> IdempotentOperations() => Operations(o => o.Idempotent && !o.Streams);

    /// <summary>Operations that must never be re-sent: every paid job start, and every other call that is not idempotent.</summary>
    public static IEnumerable<TestCaseData> SentOnceOperations() => Operations(o => o.StartsPaidJob || !o.Idempotent);

    private static IEnumerable<TestCaseData> Operations(System.Func<VendorOperation, bool> which) =>
        from vendor in Vendors.All
        from operation in vendor.Operations
        where which(operation)
        select new TestCaseData(vendor, operation).SetArgDisplayNames(vendor.Id + "." + operation.OperationId);
}
