// Schedulers against the reference's traces (golden/scheduler_*): timesteps, sigmas,
// init_noise_sigma, and a ten-to-fifty-step loop with a stand-in model.

#include "golden.h"
#include "schedulers/noise_schedule.h"
#include "schedulers/scheduler.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Functions.h>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace eikona;

class TestSchedulers : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void trainingTables()
    {
        const auto golden = testing::golden("scheduler_common");
        const auto alphas = schedulers::alphas_cumprod({});
        EIKONA_COMPARE_CLOSE(alphas, golden.tensor("alphas_cumprod"), 0, 1e-6, "alphas_cumprod");
    }

    void trace_data()
    {
        QTest::addColumn<QString>("sampler");
        QTest::addColumn<int>("steps");
        // Every sampler of the table has a golden file named after its id.
        for (const auto& info : schedulers::samplers()) {
            const auto sampler = QString::fromLatin1(info.id.data(), static_cast<qsizetype>(info.id.size()));
            for (const int steps : {1, 7, 20, 50})
                QTest::newRow(qPrintable(QStringLiteral("%1, %2 steps").arg(sampler).arg(steps)))
                    << sampler << steps;
        }
    }

    void trace()
    {
        QFETCH(QString, sampler);
        QFETCH(int, steps);
        const auto golden = testing::golden(qPrintable(QStringLiteral("scheduler_") + sampler));
        const std::string prefix = QStringLiteral("n%1.").arg(steps).toStdString();
        auto scheduler = schedulers::make_scheduler(sampler.toStdString());
        scheduler->set_timesteps(steps);

        const auto expected_timesteps = golden.tensor(prefix + "timesteps");
        QCOMPARE(scheduler->timesteps().scalar_type(), expected_timesteps.scalar_type());
        if (expected_timesteps.scalar_type() == at::kLong)
            QVERIFY2(at::equal(scheduler->timesteps(), expected_timesteps), "timesteps differ");
        else
            EIKONA_COMPARE_CLOSE(scheduler->timesteps(), expected_timesteps, 1e-4, 0, "timesteps");
        if (golden.contains(prefix + "sigmas"))
            EIKONA_COMPARE_CLOSE(scheduler->sigmas(), golden.tensor(prefix + "sigmas"), 1e-5, 1e-5, "sigmas");

        auto noise_generator = at::detail::createCPUGenerator(41);
        auto sample = at::randn({1, 4, 4, 4}, noise_generator, at::TensorOptions().dtype(at::kFloat)) *
                      scheduler->init_noise_sigma();
        EIKONA_COMPARE_CLOSE(sample, golden.tensor(prefix + "trace.initial_sample"), 1e-5, 1e-5,
                             "initial_sample");
        auto step_noise = schedulers::NoiseSource::shared(42);
        const auto inputs = golden.tensor(prefix + "trace.model_input");
        const auto outputs = golden.tensor(prefix + "trace.model_output");
        const auto samples = golden.tensor(prefix + "trace.prev_sample");
        const auto count = scheduler->timesteps().size(0);
        QCOMPARE(inputs.size(0), count);
        double worst = 0;
        for (std::int64_t i = 0; i < count; ++i) {
            const auto model_input = scheduler->scale_model_input(sample, i);
            const double t = scheduler->timesteps()[i].item<double>();
            const auto model_output = model_input * 0.1 + (0.05 * t / 1000.0);
            sample = scheduler->step(model_output, i, sample,
                                     scheduler->step_draws_noise() ? &step_noise : nullptr);
            const auto tag = "step " + std::to_string(i);
            QVERIFY2(testing::close_to(model_input, inputs[i], 1e-5, 1e-5, (tag + " model_input").c_str()),
                     tag.c_str());
            QVERIFY2(testing::close_to(sample, samples[i], 1e-5, 1e-5, (tag + " prev_sample").c_str()),
                     tag.c_str());
            worst = std::max(worst, (sample - samples[i]).abs().max().item<double>());
        }
        std::printf("  %s, %d steps: worst |error| %.3g\n", qPrintable(sampler), steps, worst);
    }

    void samplerTable()
    {
        QCOMPARE(schedulers::samplers().size(), 11u);
        QCOMPARE(schedulers::find_sampler("euler_a")->a1111_label, std::string_view("Euler a"));
        QCOMPARE(schedulers::find_sampler("dpmpp_2m_karras")->a1111_label,
                 std::string_view("DPM++ 2M Karras"));
        QCOMPARE(*schedulers::sampler_for_class("PNDMScheduler"), std::string_view("pndm"));
        QVERIFY(!schedulers::find_sampler("nonsense"));
        QVERIFY_THROWS_EXCEPTION(schedulers::SchedulerError, schedulers::make_scheduler("nonsense"));
    }

    void configFromModel()
    {
        std::ifstream in(testing::k_tiny_model / "scheduler" / "scheduler_config.json");
        const auto json = nlohmann::json::parse(in);
        const auto config = schedulers::SchedulerConfig::from_json(json);
        QCOMPARE(config.steps_offset, 1);
        QCOMPARE(config.beta_schedule, std::string("scaled_linear"));
        auto bad = json;
        bad["prediction_type"] = "v_prediction";
        try {
            schedulers::SchedulerConfig::from_json(bad);
            QFAIL("v_prediction accepted");
        } catch (const schedulers::SchedulerError& error) {
            QVERIFY(QString::fromUtf8(error.what()).contains(QStringLiteral("prediction_type")));
        }
        // Numbers that do not fit are refused, not converted with undefined behaviour; a table
        // of a billion noise levels is refused before it is made.
        const auto refusal = [&](const char* field, const nlohmann::json& value) -> std::string {
            auto changed = json;
            changed[field] = value;
            try {
                schedulers::SchedulerConfig::from_json(changed);
            } catch (const schedulers::SchedulerError& error) {
                return error.what();
            }
            return {};
        };
        QVERIFY(refusal("num_train_timesteps", 3.3e120).find("out of range") != std::string::npos);
        QVERIFY(refusal("steps_offset", 1.5).find("out of range") != std::string::npos);
        QVERIFY(refusal("num_train_timesteps", 1'000'000'000).find("the limit is 100000") !=
                std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestSchedulers)
#include "tst_schedulers.moc"
