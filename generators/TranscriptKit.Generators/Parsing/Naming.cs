using System.Collections.Generic;
using System.Text;
using TranscriptKit.Generators.Emitting;

namespace TranscriptKit.Generators.Parsing;

/// <summary>Spec names → C# identifiers.</summary>
internal static class Naming
{
    /// <summary><c>balance_history</c> → <c>BalanceHistory</c>; <c>getBalance</c> → <c>GetBalance</c>.</summary>
    public static string Pascal(string name)
    {
        var builder = new StringBuilder(name.Length);
        var upperNext = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upperNext = true;
                continue;
            }

            builder.Append(upperNext ? char.ToUpperInvariant(c) : c);
            upperNext = false;
        }

        if (builder.Length == 0)
        {
            return "Value";
        }

        if (char.IsDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }

    /// <summary><c>project_id</c> → <c>projectId</c>, escaped when it is a keyword.</summary>
    public static string Camel(string name)
    {
        var pascal = Pascal(name);
        var camel = pascal[0] == '_' ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Escape(camel);
    }

    public static string Escape(string identifier) => CSharpText.Identifier(identifier);

    /// <summary>Makes <paramref name="name"/> unique among <paramref name="taken"/> by appending a number.</summary>
    public static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i;
        }

        return candidate;
    }
}
