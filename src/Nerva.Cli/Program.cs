using System.CommandLine;

var root = new RootCommand("nerva: train multilayer perceptrons");
var option = new Option<int>("--epochs") { Description = "number of epochs", DefaultValueFactory = _ => 10 };
root.Options.Add(option);
root.SetAction(parse => { Console.WriteLine($"epochs {parse.GetValue(option)} mkl {Nerva.NervaLibrary.UsesMkl}"); return 0; });
return root.Parse(args).Invoke();
