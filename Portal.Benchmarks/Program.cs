using System.Runtime.InteropServices;
using Portal.Benchmarks;
using Portal.Benchmarks.Data;
using Portal.Benchmarks.Database;
using Portal.Benchmarks.Engine;

Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

#if DEBUG
Console.WriteLine("WARNING: a Debug build; measure with -c Release.");
#endif
Console.WriteLine($"Portal.Benchmarks {options.Mode} — {RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, " +
                  $"{Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Console.WriteLine($"data: {options.Scale}; state '{options.State}'; load average {Portal.Benchmarks.Harness.Load.Average} (other work on this machine)");
Console.WriteLine();

if (options.Mode is "engine" or "all")
{
    EngineBenchmark.Run(options);
    Console.WriteLine();
}

if (options.Mode is "receipts")
{
    foreach (var provider in options.Providers)
    {
        Console.WriteLine($"== {provider}: receipts through the job server");
        await using var host = await DatabaseHost.CreateAsync(provider, options);
        await Portal.Benchmarks.Jobs.ReceiptLatencyBenchmark.RunAsync(host);
        Console.WriteLine();
    }
}

if (options.Mode is "load")
{
    foreach (var provider in options.Providers)
    {
        Console.WriteLine($"== {provider}: {options.Sessions} sessions on one portal, {options.Scale}");
        await using var host = await DatabaseHost.CreateAsync(provider, options);
        Console.WriteLine($"   {host.Description}");
        await Portal.Benchmarks.LoadTest.LoadBenchmark.RunAsync(options, host);
        Console.WriteLine();
    }
}

if (options.Mode is "database" or "incremental" or "all" or "serve" or "lists")
{
    foreach (var provider in options.Providers)
    {
        Console.WriteLine($"== {provider}: preparing {options.Scale}");
        await using var host = await DatabaseHost.CreateAsync(provider, options);
        Console.WriteLine($"   {host.Description}");
        var data = SharedData.Get(options.Scale, options.State);
        var template = await host.CreateTemplateAsync(data);
        Console.WriteLine();
        if (options.Mode is "database" or "all")
        {
            await DatabaseBenchmark.RunAsync(options, host, data, template);
            Console.WriteLine();
        }

        if (options.Mode is "serve")
        {
            var work = await host.CloneAsync(template);
            await host.Service(work, new FixedClock(data.Now), NoticeQueues.Create(options, new FixedClock(data.Now))).RunAllAsync();
            Console.WriteLine($"   settled with a full run; serving for 30 minutes: {host.ConnectionString(work)}");
            await Task.Delay(TimeSpan.FromMinutes(30));
        }

        if (options.Mode is "lists")
        {
            await Portal.Benchmarks.Lists.ListsBenchmark.RunAsync(options, host, data, template);
            Console.WriteLine();
        }

        if (options.Mode is "incremental" or "all")
        {
            await IncrementalBenchmark.RunAsync(options, host, data, template);
            Console.WriteLine();
        }
    }
}

return 0;
