namespace MlopsServerless.Functions.Tests.EndToEnd;

/// <summary>Prediction bodies for a model trained on the demo dataset.</summary>
internal static class DemoRequests
{
    /// <summary>A short-tenure, high-spend, many-calls, monthly customer: the demo's relationship says "churns".</summary>
    public const string Churner =
        """{"tenure_months": 2, "monthly_spend": 90, "support_calls": 6, "usage_hours": 4, "contract": "monthly", "paperless_billing": "yes"}""";
}
