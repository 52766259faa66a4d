using System;
using System.Collections.Generic;
using AgentGen.Common;

namespace AgentGen.Model
{
    /// <summary>Turns a merged payload shape into records: property names, C# types, nested record names.</summary>
    internal static class RecordNames
    {
        private static readonly HashSet<string> ReservedMembers = new(StringComparer.Ordinal)
        {
            "RequestType", "EqualityContract", "Equals", "GetHashCode", "ToString", "Deconstruct",
            "PrintMembers", "GetType", "MemberwiseClone", "Finalize", "Clone",
        };

        /// <summary>The payload record (first) and every nested record it needs. Every record name is distinct.</summary>
        public static List<RecordSpec> Build(string typeName, string? requestType, PayloadShape shape, bool jsonAttributes)
        {
            var records = new List<RecordSpec>();
            var typeNames = new HashSet<string>(StringComparer.Ordinal) { typeName };
            AddRecord(typeName, requestType, shape, jsonAttributes, records, typeNames);
            return records;
        }

        private static void AddRecord(string typeName, string? requestType, PayloadShape shape, bool json, List<RecordSpec> records, HashSet<string> typeNames)
        {
            int index = records.Count;
            records.Add(null!); // keeps the outer record first
            var properties = new RecordProperty[shape.Properties.Count];

            // A few properties are told apart by looking through them; a set only for many.
            HashSet<string>? used = properties.Length > 16 ? new HashSet<string>(StringComparer.Ordinal) { typeName } : null;
            int position = 0;
            foreach (PayloadProperty p in shape.Properties)
            {
                position++;
                string name = Naming.Clip(Naming.ToPascalCase(p.JsonName), Naming.MaxIdentifierLength - 10);
                if (name.Length == 0)
                {
                    name = "Property" + position.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                if (ReservedMembers.Contains(name) || name == typeName)
                {
                    name += "Value";
                }

                string unique = name;
                for (int i = 2; !IsFree(unique, typeName, properties, position - 1, used); i++)
                {
                    unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                string type = TypeOf(p.Shape, p.Nullable, typeName, unique, json, records, typeNames);
                properties[position - 1] = new RecordProperty(p.JsonName, unique, type);
            }

            records[index] = new RecordSpec(typeName, requestType, new EquatableArray<RecordProperty>(properties));
        }

        /// <summary>Whether no earlier property (the first <paramref name="count"/>) and not the record itself has the name; takes it if so.</summary>
        private static bool IsFree(string name, string typeName, RecordProperty[] properties, int count, HashSet<string>? used)
        {
            if (used is not null)
            {
                return used.Add(name);
            }

            if (name == typeName)
            {
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                if (properties[i].PropertyName == name)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A nested record's name: short enough, and distinct from every other record of the payload (a.b and a_b both want "AB").</summary>
        private static string NestedName(string wanted, HashSet<string> typeNames)
        {
            string name = Naming.Clip(wanted);
            string unique = name;
            for (int i = 2; !typeNames.Add(unique); i++)
            {
                unique = Naming.Clip(name, Naming.MaxIdentifierLength - 6) + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return unique;
        }

        /// <param name="nestedName">A nested record's name is <paramref name="owner"/> + <paramref name="nestedName"/> (made only when there is one).</param>
        private static string TypeOf(PayloadShape shape, bool nullable, string owner, string nestedName, bool json, List<RecordSpec> records, HashSet<string> typeNames)
        {
            switch (shape.Kind)
            {
                case ShapeKind.String:
                    return nullable ? "string?" : "string";
                case ShapeKind.Integer:
                    return nullable ? "int?" : "int";
                case ShapeKind.Long:
                    return nullable ? "long?" : "long";
                case ShapeKind.Double:
                    return nullable ? "double?" : "double";
                case ShapeKind.Boolean:
                    return nullable ? "bool?" : "bool";
                case ShapeKind.Array:
                    return "global::System.Collections.Generic.IReadOnlyList<" + TypeOf(shape.Element!, false, owner, nestedName + "Item", json, records, typeNames) + (nullable ? ">?" : ">");
                case ShapeKind.Object:
                {
                    string name = NestedName(owner + nestedName, typeNames);
                    AddRecord(name, null, shape, json, records, typeNames);
                    string identifier = Emit.CSharp.Identifier(name);
                    return nullable ? identifier + "?" : identifier;
                }

                default:
                    return json ? "global::System.Text.Json.JsonElement?" : "object?";
            }
        }
    }
}
